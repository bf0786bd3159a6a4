-- The first IT administrator's display name is shown on every server page: the previous release seeded it half in
-- English ("系统管理员 (initial)"); a database it wrote gets the all-Chinese name new databases are seeded with.
update person set name = '系统管理员（初始账号）', updated_at = now() where name = '系统管理员 (initial)';
