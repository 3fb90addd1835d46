-- How many assisting parts a case has had: a case without any (most cases) needs no look into hw_case_assist.
ALTER TABLE hw_case ADD assist_parts INTEGER DEFAULT 0 NOT NULL;
UPDATE hw_case SET assist_parts = (SELECT COUNT(*) FROM hw_case_assist WHERE hw_case_assist.case_id = hw_case.id);
