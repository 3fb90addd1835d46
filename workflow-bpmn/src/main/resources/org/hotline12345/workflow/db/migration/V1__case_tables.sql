-- The library's own tables. ${timestamp} and ${text} are set per database by the library
-- (TIMESTAMP(3)/DATETIME(3), and an unbounded text type), so one script serves H2, PostgreSQL
-- and MariaDB/MySQL. Instants are stored as UTC.

-- The queryable state of each case, updated in the same transaction as the engine.
CREATE TABLE hw_case (
    id                  VARCHAR(64)   NOT NULL,
    case_number         VARCHAR(32)   NOT NULL,
    external_id         VARCHAR(64),
    status              VARCHAR(32)   NOT NULL,
    category            VARCHAR(32)   NOT NULL,
    urgency             VARCHAR(16)   NOT NULL,
    channel             VARCHAR(16)   NOT NULL,
    subject             VARCHAR(400)  NOT NULL,
    description         ${text},
    caller_name         VARCHAR(100),
    caller_phone        VARCHAR(32),
    caller_anonymous    BOOLEAN       NOT NULL,
    caller_confidential BOOLEAN       NOT NULL,
    address             VARCHAR(1000),
    area_code           VARCHAR(12),
    latitude            DOUBLE PRECISION,
    longitude           DOUBLE PRECISION,
    lead_unit           VARCHAR(64),
    routing_suggestion  VARCHAR(64),
    dispatched_at       ${timestamp},
    arbitrated_unit     VARCHAR(64),
    sign_for_due        ${timestamp},
    handling_due        ${timestamp},
    callback_due        ${timestamp},
    warning_level       VARCHAR(8)    NOT NULL,
    extended_days       INTEGER       NOT NULL,
    suspended_since     ${timestamp},
    paused_days_left    INTEGER,
    paused_seconds_left BIGINT,
    returns_count       INTEGER       NOT NULL,
    reopens_count       INTEGER       NOT NULL,
    reply_result        VARCHAR(32),
    satisfaction        VARCHAR(32),
    resolved            BOOLEAN,
    process_instance_id VARCHAR(64),
    process_definition_id VARCHAR(64),
    audit_head_seq      BIGINT,
    audit_head_hash     VARCHAR(64),
    created_at          ${timestamp}  NOT NULL,
    updated_at          ${timestamp}  NOT NULL,
    closed_at           ${timestamp},
    row_version         BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX hw_case_number_ux ON hw_case (case_number);
CREATE UNIQUE INDEX hw_case_external_id_ux ON hw_case (external_id);
CREATE INDEX hw_case_lead_unit_status_ix ON hw_case (lead_unit, status);
CREATE INDEX hw_case_status_ix ON hw_case (status, warning_level);

-- Every unit a case was ever dispatched to: a unit sees the cases it has or had.
CREATE TABLE hw_case_unit (
    case_id     VARCHAR(64)  NOT NULL,
    unit        VARCHAR(64)  NOT NULL,
    assigned_at ${timestamp} NOT NULL,
    PRIMARY KEY (case_id, unit)
);
CREATE INDEX hw_case_unit_unit_ix ON hw_case_unit (unit);

-- The audit log: what happened to each case, in order, one row per domain event, each row chained to the one
-- before it by SHA-256 (docs/audit.md gives the canonical form). Append-only: the library never updates or
-- deletes a row. It is also the source of the case timeline.
CREATE TABLE hw_case_event (
    case_id     VARCHAR(64)  NOT NULL,
    seq         BIGINT       NOT NULL,
    event_type  VARCHAR(64)  NOT NULL,
    occurred_at ${timestamp} NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    actor_unit  VARCHAR(64),
    task_key    VARCHAR(255),
    detail      ${text},
    deadline    ${timestamp},
    process_key VARCHAR(64),
    process_version INTEGER,
    prev_hash   VARCHAR(64)  NOT NULL,
    row_hash    VARCHAR(64)  NOT NULL,
    PRIMARY KEY (case_id, seq)
);

-- Every yellow and red card issued, once per clock, level and deadline: a timer that fires again for the
-- same deadline (its task re-entered after a rejected return or a reply sent back) issues nothing new.
CREATE TABLE hw_case_warning (
    case_id   VARCHAR(64)  NOT NULL,
    clock     VARCHAR(16)  NOT NULL,
    level     VARCHAR(8)   NOT NULL,
    due       ${timestamp} NOT NULL,
    issued_at ${timestamp} NOT NULL,
    unit      VARCHAR(64),
    PRIMARY KEY (case_id, clock, level, due)
);

-- Facts about a unit's conduct on a case (问责), for the accountability review.
CREATE TABLE hw_accountability_fact (
    id          VARCHAR(64)  NOT NULL,
    case_id     VARCHAR(64)  NOT NULL,
    unit        VARCHAR(64)  NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    recorded_at ${timestamp} NOT NULL,
    detail      ${text},
    PRIMARY KEY (id)
);
CREATE INDEX hw_accountability_fact_unit_ix ON hw_accountability_fact (unit, recorded_at);

-- Exports of the audit log that cover more than one case (an export of one case is in that case's chain).
CREATE TABLE hw_audit_export (
    id          VARCHAR(64)  NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    exported_at ${timestamp} NOT NULL,
    query       VARCHAR(1000) NOT NULL,
    format      VARCHAR(8)   NOT NULL,
    masked      BOOLEAN      NOT NULL,
    PRIMARY KEY (id)
);

-- The daily head digests of the audit log (docs/audit.md), to publish or sign outside the database.
CREATE TABLE hw_audit_digest (
    as_of       ${timestamp} NOT NULL,
    computed_at ${timestamp} NOT NULL,
    cases       BIGINT       NOT NULL,
    records     BIGINT       NOT NULL,
    digest      VARCHAR(64)  NOT NULL,
    PRIMARY KEY (as_of)
);

-- The daily sequence behind case numbers (RX + yyyyMMdd + sequence).
CREATE TABLE hw_case_number_seq (
    seq_day  VARCHAR(8) NOT NULL,
    last_seq BIGINT     NOT NULL,
    PRIMARY KEY (seq_day)
);
