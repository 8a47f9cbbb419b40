-- An agency's level is its region's (canonical/AgencyProfile.level). The agencies of 东莞市, 中山市 and 儋州市 were
-- stored at county level while V15 made those regions cities: they follow their regions again.
update agency a set level = g.level from region g where a.region_code = g.code and a.level <> g.level and g.level between 1 and 3;
