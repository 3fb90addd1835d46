-- A unit has at most one accountability review open: two facts recorded at the same moment in two transactions
-- cannot both open one. open_unit is the unit while the review is open and NULL once decided (NULLs do not collide).
ALTER TABLE hw_accountability_review ADD open_unit VARCHAR(64);
UPDATE hw_accountability_review SET open_unit = unit WHERE stage <> 'DECIDED';
CREATE UNIQUE INDEX hw_accountability_review_open_ix ON hw_accountability_review (open_unit);
