-- EP-4.1 光纤损坏、局部网络不通: the place a probed component alone serves (a building's fibre or switch, a
-- floor's switch), as a building/floor/ward path ('B', 'B/3'); its failure cuts that area off and runs the
-- EP-5.2 ladder for the departments of that area only. Null: a component of the whole hospital.
alter table probe add column area varchar(100);
