-- EP-4.1 局部网络不通, EP-5.2: where a department is (building/floor/ward path, e.g. 'B', 'B/5/5A'), so that the
-- ladder of an area reaches the departments of that area only; null: not known (hospital-wide instructions only).
alter table department add column place varchar(100);
