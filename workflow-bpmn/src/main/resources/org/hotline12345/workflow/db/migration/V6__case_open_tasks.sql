-- The case's open standard tasks (task definition key and engine task id, "key=id;key=id"), kept by the task
-- listeners: a step finds its task by id instead of querying the engine's tasks by business key. NULL (cases from
-- before this column) or a missing entry means "ask the engine".
ALTER TABLE hw_case ADD open_tasks VARCHAR(1000);
