-- Assisting units (协办): one row per unit asked to assist the lead unit on one dispatch of a case. Each has its own
-- deadline and card; the lead unit reads the answers. A row ends ANSWERED, or CANCELLED when the lead unit replied
-- without its answer (the reason is kept) or the case left the lead unit.
CREATE TABLE hw_case_assist (
    id            VARCHAR(64)  NOT NULL,
    case_id       VARCHAR(64)  NOT NULL,
    unit          VARCHAR(64)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    requested_at  ${timestamp} NOT NULL,
    due           ${timestamp},
    warning_level VARCHAR(8)   NOT NULL,
    signed_for_at ${timestamp},
    answer        ${text},
    answered_at   ${timestamp},
    ended_note    ${text},
    PRIMARY KEY (id)
);
CREATE INDEX hw_case_assist_case_ix ON hw_case_assist (case_id, requested_at);
CREATE INDEX hw_case_assist_unit_ix ON hw_case_assist (unit, status);

-- The assisting units the routing table suggested at intake, comma-separated, next to the suggested lead unit.
ALTER TABLE hw_case ADD routing_assisting VARCHAR(1000);

-- A duplicate merged into a master case (并单) follows the master and gets its reply; NULL for every other case.
ALTER TABLE hw_case ADD master_id VARCHAR(64);
CREATE INDEX hw_case_master_ix ON hw_case (master_id);
-- Duplicate proposals look for open cases of one category in one area within a window of intake time.
CREATE INDEX hw_case_duplicate_ix ON hw_case (category, area_code, created_at);
