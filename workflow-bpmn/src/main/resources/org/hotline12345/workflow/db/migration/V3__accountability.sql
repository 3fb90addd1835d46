-- Accountability reviews (问责审查) of a unit, opened by the accountability-triggers table from its facts.
CREATE TABLE hw_accountability_review (
    id                  VARCHAR(64)  NOT NULL,
    unit                VARCHAR(64)  NOT NULL,
    stage               VARCHAR(24)  NOT NULL,
    severity            VARCHAR(16),
    opened_at           ${timestamp} NOT NULL,
    statement_limit     VARCHAR(32)  NOT NULL,
    process_instance_id VARCHAR(64),
    findings            ${text},
    investigated_by     VARCHAR(64),
    statement_due       ${timestamp},
    statement           ${text},
    statement_by        VARCHAR(64),
    statement_at        ${timestamp},
    statement_missed    BOOLEAN      NOT NULL,
    outcome             VARCHAR(24),
    reasoning           ${text},
    decided_by          VARCHAR(64),
    decided_at          ${timestamp},
    PRIMARY KEY (id)
);
CREATE INDEX hw_accountability_review_unit_ix ON hw_accountability_review (unit, opened_at);
CREATE INDEX hw_accountability_review_decided_ix ON hw_accountability_review (decided_at);

-- Who recorded a fact, and the review it opened or joined.
ALTER TABLE hw_accountability_fact ADD recorded_by VARCHAR(64);
ALTER TABLE hw_accountability_fact ADD review_id VARCHAR(64);
CREATE INDEX hw_accountability_fact_review_ix ON hw_accountability_fact (review_id);

-- Spot checks (明察暗访): each draw, and the cases it sampled with the answer of their second callback.
CREATE TABLE hw_spot_check (
    id        VARCHAR(64)      NOT NULL,
    period_text VARCHAR(32)    NOT NULL,
    sample_share DOUBLE PRECISION NOT NULL,
    seed      BIGINT           NOT NULL,
    drawn_at  ${timestamp}     NOT NULL,
    drawn_by  VARCHAR(64)      NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE hw_spot_check_case (
    check_id     VARCHAR(64)  NOT NULL,
    case_id      VARCHAR(64)  NOT NULL,
    unit         VARCHAR(64)  NOT NULL,
    answered_at  ${timestamp},
    resolved     BOOLEAN,
    satisfaction VARCHAR(24),
    contradicted BOOLEAN,
    PRIMARY KEY (check_id, case_id)
);

-- Each unit's part of a case (a dispatch to it, or the case passed down to it), kept as the case moves: the source of
-- the unit indicators, so that they never scan the engine's history or the audit log.
CREATE TABLE hw_unit_part (
    id               VARCHAR(64)  NOT NULL,
    case_id          VARCHAR(64)  NOT NULL,
    unit             VARCHAR(64)  NOT NULL,
    dispatched_at    ${timestamp} NOT NULL,
    sign_for_due     ${timestamp},
    signed_for_at    ${timestamp},
    handling_due     ${timestamp},
    replied_at       ${timestamp},
    return_requested BOOLEAN      NOT NULL,
    ended            VARCHAR(16),
    reopens          INTEGER      NOT NULL,
    callback_at      ${timestamp},
    satisfaction     VARCHAR(24),
    resolved         BOOLEAN,
    PRIMARY KEY (id)
);
CREATE INDEX hw_unit_part_case_ix ON hw_unit_part (case_id, dispatched_at);
CREATE INDEX hw_unit_part_dispatched_ix ON hw_unit_part (dispatched_at);
CREATE INDEX hw_unit_part_due_ix ON hw_unit_part (handling_due);
CREATE INDEX hw_unit_part_replied_ix ON hw_unit_part (replied_at);
CREATE INDEX hw_unit_part_callback_ix ON hw_unit_part (callback_at);
