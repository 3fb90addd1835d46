package org.hotline12345.workflow.bpmn.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.hotline12345.workflow.CaseConflictException;
import org.hotline12345.workflow.CaseNotFoundException;
import org.hotline12345.workflow.accountability.FactKind;
import org.hotline12345.workflow.audit.AuditChain;
import org.hotline12345.workflow.audit.AuditRecord;
import org.hotline12345.workflow.audit.HeadDigest;
import org.hotline12345.workflow.cases.Caller;
import org.hotline12345.workflow.cases.CaseId;
import org.hotline12345.workflow.cases.CaseNumber;
import org.hotline12345.workflow.cases.CaseQuery;
import org.hotline12345.workflow.cases.CaseStatus;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Channel;
import org.hotline12345.workflow.cases.Location;
import org.hotline12345.workflow.cases.Page;
import org.hotline12345.workflow.cases.ReplyResult;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.cases.Urgency;
import org.hotline12345.workflow.cases.WarningLevel;
import org.hotline12345.workflow.deadline.ClockKind;
import org.hotline12345.workflow.deadline.PausedClock;
import org.hotline12345.workflow.timeline.CaseEventType;

/**
 * Reads and writes the library's tables on the engine's own JDBC connection, so that every write
 * commits or rolls back together with the engine's changes of the same command.
 */
final class CaseStore {

    CaseStore() {
    }

    /** The columns a new case row is written with. */
    private static final String INSERTED_COLUMNS = "id, case_number, external_id, status, category, urgency, channel, subject, "
            + "description, caller_name, caller_phone, caller_anonymous, caller_confidential, address, area_code, latitude, "
            + "longitude, lead_unit, routing_suggestion, routing_assisting, sign_for_due, handling_due, callback_due, warning_level, extended_days, suspended_since, "
            + "paused_days_left, paused_seconds_left, returns_count, reopens_count, reply_result, "
            + "satisfaction, resolved, process_instance_id, created_at, updated_at, closed_at, master_id, assist_parts, row_version";
    /** The columns a case row is read with: the inserted ones and those later steps set. */
    private static final String COLUMNS = INSERTED_COLUMNS + ", dispatched_at, arbitrated_unit, open_tasks";
    private static final List<String> COLUMN_NAMES = java.util.Arrays.stream(COLUMNS.split(",")).map(String::strip).toList();
    private static final List<String> INSERTED_COLUMN_NAMES =
            java.util.Arrays.stream(INSERTED_COLUMNS.split(",")).map(String::strip).toList();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** The width of hw_case.open_tasks (V6). */
    private static final int OPEN_TASKS_LENGTH = 1000;
    /** Enough for any real hotline day in one area; the proposals are ranked in Java. */
    private static final int MAX_DUPLICATE_CANDIDATES = 500;

    private static final System.Logger LOG = System.getLogger(CaseStore.class.getName());

    /** The database behind the engine's connections, known from the first command that asks. */
    private volatile Database database;

    /**
     * A database's dialect, whether its connections take joined statements in one round trip, and the statements kept
     * prepared on its connections (H2's; null on the others, whose drivers keep them).
     */
    private record Database(Dialect dialect, boolean joinsStatements, KeptStatements kept) {
    }

    /** A case's audit head as the running command last wrote it: its definition, sequence and hash. */
    private record Head(String caseDefinition, long sequence, String hash) {
    }

    /**
     * What the running command has written to case rows but not sent yet, and the audit heads it knows.
     *
     * <p>A step changes several columns of its case row, one listener at a time (status, warning level, a deadline,
     * the audit head, ...). Sent one by one, each is a round trip; kept here, they go as one {@code UPDATE} per case
     * when the command closes, before the engine flushes, or earlier, just before any statement that reads or writes
     * {@code hw_case} (so every read sees the command's own writes). The row is the command's already: the step holds
     * its lock ({@link #lock}, {@link #lockForJob}), so nobody else can tell the difference. For the same reason a row the
     * command has read is not read again: {@link #find} answers from the row as read, with the command's assignments
     * applied, until a statement changes the case table in another way (an increment), after which it reads again.
     */
    private static final class CommandState {
        final java.util.Map<CaseId, Head> heads = new java.util.HashMap<>();
        final java.util.Map<CaseId, java.util.Map<String, Object>> assignments = new java.util.LinkedHashMap<>();
        /** Case rows as the command last read them, with its assignments since applied: what a re-read would return. */
        final java.util.Map<CaseId, java.util.Map<String, Object>> rows = new java.util.HashMap<>();
        /** Cases whose row this command has locked: their lock is held until it ends, and is not taken again. */
        final java.util.Set<CaseId> locked = new java.util.HashSet<>();
        /** Writes whose answer the command does not need, in the order made, sent with the case rows' updates. */
        final List<Deferred> deferred = new ArrayList<>();
        /**
         * New case rows as inserted by the command, not sent yet: each goes as one {@code INSERT} with the command's
         * later assignments to it, before any other statement of the store and at the latest when the command closes.
         */
        final java.util.Map<CaseId, java.util.Map<String, Object>> inserts = new java.util.LinkedHashMap<>();
        /** New case rows whose number is not taken yet, with the day whose sequence numbers them; see {@link #number}. */
        final java.util.Map<CaseId, LocalDate> unnumbered = new java.util.HashMap<>();
        /** Whether this store's statements are joined to the command's commit and rollback; see {@link #joinTransaction}. */
        boolean joined;
    }

    /**
     * A write to one of the library's tables whose answer the command does not need (an audit row, a unit's part):
     * sent when the command closes, together with the case rows' updates, or earlier, just before a statement that
     * reads or writes its table.
     */
    private record Deferred(java.util.regex.Pattern table, String sql, Object[] parameters) {
    }

    private static final ThreadLocal<java.util.WeakHashMap<CommandContext, CommandState>> STATES =
            ThreadLocal.withInitial(java.util.WeakHashMap::new);

    /** A statement that reads or writes the case table itself (not hw_case_event, hw_case_unit, ...). */
    private static final java.util.regex.Pattern CASE_TABLE = table("hw_case");
    private static final java.util.regex.Pattern EVENT_TABLE = table("hw_case_event");
    private static final java.util.regex.Pattern WARNING_TABLE = table("hw_case_warning");
    /** The column name of what a {@link #take} also selects. */
    private static final String ALSO_SELECTED = "also_selected";
    private static final java.util.regex.Pattern CASE_UNIT_TABLE = table("hw_case_unit");

    /** The running command's state, made (with its flush at close) on first use; null outside a command. */
    private CommandState commandState(boolean create) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return null;
        }
        java.util.WeakHashMap<CommandContext, CommandState> states = STATES.get();
        CommandState state = states.get(command);
        if (state == null && create) {
            CommandState created = new CommandState();
            states.put(command, created);
            command.registerCommandContextListener(new CommandContextListener() {
                @Override
                public void onCommandContextClose(CommandContext context) {
                    sendPending(created);
                    STATES.get().remove(context);
                }

                @Override
                public void onCommandFailed(CommandContext context, Throwable failure) {
                    STATES.get().remove(context);
                }
            });
            state = created;
        }
        return state;
    }

    private java.util.Map<CaseId, Head> headsOfThisCommand() {
        CommandState state = commandState(true);
        return state == null ? new java.util.HashMap<>() : state.heads;
    }

    /**
     * Sets columns of a case row ({@code column, value, column, value, ...}) as of the end of the running command;
     * a later assignment of the same column wins, as a later {@code UPDATE} would.
     */
    private void assign(CaseId id, Object... columnsAndValues) {
        CommandState state = commandState(true);
        java.util.Map<String, Object> assignments = state.assignments.computeIfAbsent(id, key -> new java.util.LinkedHashMap<>());
        java.util.Map<String, Object> row = state.rows.get(id);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            assignments.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
            if (row != null) {
                row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
            }
        }
    }

    /** Keeps the row's columns as the command now knows them, for {@link #find}; returns them. */
    private java.util.Map<String, Object> remember(java.util.Map<String, Object> columns) {
        CommandState state = commandState(true);
        if (state != null) {
            state.rows.put(CaseId.of((String) columns.get("id")), columns);
        }
        return columns;
    }

    /** Sends everything the command has kept: the case rows' updates and the deferred writes. */
    private void sendPending(CommandState state) {
        if (state.assignments.isEmpty() && state.inserts.isEmpty() && state.deferred.isEmpty()) {
            return;
        }
        for (CaseId unnumbered : List.copyOf(state.unnumbered.keySet())) {
            number(unnumbered);
        }
        List<Deferred> pending = takeAssignments(state);
        pending.addAll(state.deferred);
        state.deferred.clear();
        send(pending);
    }

    /**
     * The kept new rows, each as one {@code INSERT} with the assignments made to it since, and the other kept
     * assignments as one {@code UPDATE} per case; no longer kept.
     */
    private static List<Deferred> takeAssignments(CommandState state) {
        List<Deferred> updates = new ArrayList<>();
        for (var insert : state.inserts.entrySet()) {
            java.util.Map<String, Object> columns = new java.util.LinkedHashMap<>();
            INSERTED_COLUMN_NAMES.forEach(column -> columns.put(column, insert.getValue().get(column)));
            java.util.Map<String, Object> assigned = state.assignments.remove(insert.getKey());
            if (assigned != null) {
                columns.putAll(assigned);
            }
            List<Object> parameters = new ArrayList<>();
            columns.forEach((column, value) -> parameters.add(value == null ? new TypedNull(sqlType(column)) : value));
            updates.add(new Deferred(CASE_TABLE, "INSERT INTO hw_case (" + String.join(", ", columns.keySet()) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")", parameters.toArray()));
        }
        state.inserts.clear();
        for (var entry : state.assignments.entrySet()) {
            StringJoiner set = new StringJoiner(", ");
            List<Object> parameters = new ArrayList<>();
            entry.getValue().forEach((column, value) -> {
                set.add(column + " = ?");
                parameters.add(value);
            });
            parameters.add(entry.getKey().value());
            updates.add(new Deferred(CASE_TABLE, "UPDATE hw_case SET " + set + " WHERE id = ?", parameters.toArray()));
        }
        state.assignments.clear();
        return updates;
    }

    /**
     * Sends writes in order: as one statement where the database takes joined statements in one round trip, else
     * one by one.
     */
    private void send(List<Deferred> writes) {
        if (writes.isEmpty()) {
            return;
        }
        if (writes.size() > 1 && database().joinsStatements()) {
            StringJoiner joined = new StringJoiner(";\n");
            List<Object> parameters = new ArrayList<>();
            for (Deferred write : writes) {
                joined.add(write.sql());
                parameters.addAll(java.util.Arrays.asList(write.parameters()));
            }
            writes = List.of(new Deferred(null, joined.toString(), parameters.toArray()));
        }
        for (Deferred write : writes) {
            try (PreparedStatement statement = bind(prepareStatement(write.sql()), write.parameters())) {
                statement.execute();
            } catch (SQLException e) {
                throw new CaseStoreException("writing case data", e);
            }
        }
    }

    /**
     * Runs a write whose answer the command does not need ({@code table} names the table it writes) when the command
     * closes, with the case rows' updates, or before the next statement that names that table: on PostgreSQL they
     * then go in one round trip instead of one each.
     */
    void updateLater(java.util.regex.Pattern table, String sql, Object... parameters) {
        CommandState state = commandState(true);
        if (state == null) {
            update(sql, parameters);
            return;
        }
        // Joins the store's statements to the command's transaction now, as an immediate write would.
        connection();
        state.deferred.add(new Deferred(table, sql, parameters));
    }

    /** The pattern that finds {@code table} named in a statement, for {@link #updateLater}. */
    static java.util.regex.Pattern table(String table) {
        return java.util.regex.Pattern.compile("\\b" + table + "\\b");
    }

    /** The JDBC connection of the command in progress; the store is only used inside engine commands. */
    private Connection connection() {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            throw new IllegalStateException("the case store is used outside an engine command");
        }
        joinTransaction(commandContext);
        return commandContext.getDbSqlSession().getSqlSession().getConnection();
    }

    /**
     * Makes the command's commit and rollback cover this store's statements. Without Spring, the engine's MyBatis
     * session commits or rolls back only when MyBatis itself wrote something; statements run beside it on the same
     * connection would otherwise be left to the next command. Where a transaction manager (Spring) owns the
     * transaction, it commits the connection as a whole and nothing needs joining.
     */
    private void joinTransaction(CommandContext commandContext) {
        if (commandContext.getProcessEngineConfiguration().isTransactionsExternallyManaged()) {
            return;
        }
        CommandState state = commandState(true);
        if (state.joined) {
            return;
        }
        state.joined = true;
        var transaction = commandContext.getTransactionContext();
        transaction.addTransactionListener(TransactionState.COMMITTING,
                context -> context.getDbSqlSession().getSqlSession().commit(true));
        transaction.addTransactionListener(TransactionState.ROLLINGBACK,
                context -> context.getDbSqlSession().getSqlSession().rollback(true));
    }

    private Dialect dialect() {
        return database().dialect();
    }

    private Database database() {
        Database known = database;
        if (known == null) {
            try {
                Connection connection = connection();
                Dialect dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
                known = new Database(dialect, dialect.sendsJoinedStatements(connection),
                        dialect == Dialect.H2 ? new KeptStatements() : null);
                if (dialect == Dialect.MYSQL && !known.joinsStatements()) {
                    LOG.log(System.Logger.Level.INFO, "Hotline workflow: the database's connections do not take several "
                            + "statements in one query, so a step's own writes go one statement each; allowMultiQueries=true "
                            + "in the JDBC URL sends them in one round trip (docs/operations.md). A syntax error the driver may have "
                            + "logged just before this line was that question.");
                }
            } catch (SQLException e) {
                throw new CaseStoreException("asking the database what it is and whether it takes joined statements", e);
            }
            database = known;
        }
        return known;
    }

    Optional<CaseRow> find(CaseId id) {
        CommandState state = commandState(false);
        if (state != null && state.unnumbered.containsKey(id)) {
            number(id);
        }
        return columnsOf(id).map(CaseStore::toRow);
    }

    /** The case row's columns as the command knows them, read once. */
    private Optional<java.util.Map<String, Object>> columnsOf(CaseId id) {
        CommandState state = commandState(false);
        java.util.Map<String, Object> known = state == null ? null : state.rows.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        try (PreparedStatement statement = prepare("SELECT " + COLUMNS + " FROM hw_case WHERE id = ?", id.value());
                ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(remember(columns(rs)));
        } catch (SQLException e) {
            throw new CaseStoreException("reading case " + id, e);
        }
    }

    /**
     * The id of the case's open standard task of that key, as the case row records it; null where it records none
     * (a row from before the record was kept, or a task the row does not know of): then ask the engine.
     */
    String openTaskId(CaseId id, String taskKey) {
        return columnsOf(id).map(columns -> openTasks((String) columns.get("open_tasks")).get(taskKey)).orElse(null);
    }

    /** Records a standard task of the case as open (entered) or as no longer open (completed or cancelled). */
    void recordOpenTask(CaseId id, String taskKey, String taskId, boolean open) {
        columnsOf(id).ifPresent(columns -> {
            String before = (String) columns.get("open_tasks");
            java.util.Map<String, String> tasks = openTasks(before);
            if (!open) {
                tasks.remove(taskKey, taskId);
            } else if (taskId.contains(";") || taskId.contains("=")) {
                // An id the format cannot hold (a host's id generator): no entry, and the step asks the engine.
                tasks.remove(taskKey);
            } else {
                tasks.put(taskKey, taskId);
            }
            String after = join(tasks);
            if (after.length() > OPEN_TASKS_LENGTH) {
                tasks.remove(taskKey);
                after = join(tasks);
            }
            if (!after.equals(before == null ? "" : before)) {
                assign(id, "open_tasks", after);
            }
        });
    }

    private static String join(java.util.Map<String, String> openTasks) {
        StringJoiner joined = new StringJoiner(";");
        openTasks.forEach((key, value) -> joined.add(key + "=" + value));
        return joined.toString();
    }

    private static java.util.Map<String, String> openTasks(String column) {
        java.util.Map<String, String> tasks = new java.util.LinkedHashMap<>();
        if (column != null && !column.isEmpty()) {
            for (String entry : column.split(";")) {
                int equals = entry.indexOf('=');
                // Only the listeners write the column; an entry in another form names no task.
                if (equals > 0) {
                    tasks.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
        }
        return tasks;
    }

    Optional<CaseRow> findByExternalId(String externalId) {
        return queryOne("SELECT " + COLUMNS + " FROM hw_case WHERE external_id = ?", externalId);
    }

    /**
     * Takes the case for this command: reads its row and locks it in one statement, without waiting. A concurrent
     * command that holds the case (another call, a card) makes this one fail at once with a
     * {@link CaseConflictException}: one wins, the other is told. The version counts up with the step's other changes
     * to the row, in its one {@code UPDATE}.
     */
    CaseRow lock(CaseId id) {
        try {
            return take(id, " FOR UPDATE NOWAIT");
        } catch (CaseStoreException e) {
            if (dialect().isLockUnavailable((SQLException) e.getCause())) {
                throw new CaseConflictException("case " + id + " is being changed by another action at the same time; re-read it "
                        + "and retry if the step still applies", e);
            }
            throw e;
        }
    }

    /**
     * Takes the case for work the engine does on its own (a timer): the same as {@link #lock} but waiting for any call
     * in progress on the case to finish instead of failing, since there is no caller to retry.
     */
    CaseRow lockForJob(CaseId id) {
        return take(id, " FOR UPDATE");
    }

    /**
     * Takes the case for a card's job as {@link #lockForJob} does, and says whether the card of {@code clock},
     * {@code level} and {@code due} is recorded already. The look-up rides on the statement that locks the row, and
     * {@link #recordWarning} writes the record with the step's other writes: under the case's lock no other card of the
     * case records it in between.
     */
    WarningCheck lockForCard(CaseId id, ClockKind clock, WarningLevel level, Instant due) {
        String recorded = "SELECT COUNT(*) FROM hw_case_warning WHERE case_id = %s AND clock = ? AND level = ? AND due = ?";
        Taken taken = take(id, " FOR UPDATE", "(" + recorded.formatted("hw_case.id") + ")", clock.name(), level.name(), due);
        if (taken.alsoSelected() != null) {
            return new WarningCheck(taken.row(), taken.alsoSelected() > 0);
        }
        // The command held the case already: the look-up goes on its own.
        try (PreparedStatement statement = prepare(recorded.formatted("?"), id.value(), clock.name(), level.name(), due);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new WarningCheck(taken.row(), rs.getLong(1) > 0);
        } catch (SQLException e) {
            throw new CaseStoreException("reading the cards of case " + id, e);
        }
    }

    /** The case a card's job took ({@link #lockForCard}), and whether its card is recorded already. */
    record WarningCheck(CaseRow row, boolean recorded) {
    }

    /** Reads and locks the case's row with {@code locking}, once a command; the version counts up at its close. */
    private CaseRow take(CaseId id, String locking) {
        return take(id, locking, null).row();
    }

    /**
     * {@link #take}, the row's statement also selecting {@code alsoSelect}, a number (an expression with
     * {@code alsoParameters}); of a row the command holds already nothing is read, and that number is null.
     */
    private Taken take(CaseId id, String locking, String alsoSelect, Object... alsoParameters) {
        CaseRow held = lockedByThisCommand(id);
        if (held != null) {
            return new Taken(held, null);
        }
        java.util.Map<String, Object> columns = readWithAuditHead(id, locking, alsoSelect, alsoParameters);
        Long alsoSelected = (Long) columns.remove(ALSO_SELECTED);
        commandState(true).locked.add(id);
        remember(columns);
        assign(id, "row_version", (Long) columns.get("row_version") + 1);
        return new Taken(toRow(columns), alsoSelected);
    }

    /** A case row taken, and the number its statement also selected (null where nothing was read). */
    private record Taken(CaseRow row, Long alsoSelected) {
    }

    /**
     * The case's row if the running command holds its lock already (a card that starts the escalation ladder, whose
     * first step records the urging in the same transaction); null otherwise.
     */
    private CaseRow lockedByThisCommand(CaseId id) {
        CommandState state = commandState(false);
        if (state == null || !state.locked.contains(id)) {
            return null;
        }
        return columnsOf(id).map(CaseStore::toRow).orElseThrow(() -> new CaseNotFoundException("case", id.value()));
    }

    /**
     * The number of a case this command inserts ({@link #insert}): taken from the day's sequence the first time it is
     * asked for, read (a {@link #find}) or sent, whichever comes first. The sequence's row stays locked until the
     * command ends, so that numbers have no gaps; every other intake of the day waits for it, and the later an intake
     * takes its number, the less it holds them up.
     */
    CaseNumber number(CaseId id) {
        CommandState state = commandState(false);
        LocalDate day = state == null ? null : state.unnumbered.remove(id);
        if (day == null) {
            return find(id).orElseThrow(() -> new CaseNotFoundException("case", id.value())).number();
        }
        CaseNumber number = CaseNumber.of(day, nextSequence(day));
        assign(id, "case_number", number.value());
        return number;
    }

    /**
     * The next number of the day's sequence; the row lock serialises concurrent intakes of one day. Its statements go
     * without what the command keeps: the sequence's table is no part of it, and the new row waits for its number.
     */
    private long nextSequence(LocalDate day) {
        String key = DAY.format(day);
        String countUp = dialect().countSequenceUpSql();
        try {
            if (countUp != null) {
                // A database that cannot count up and answer in one statement (MySQL, MariaDB) takes two.
                try (PreparedStatement statement = bind(prepareStatement(countUp), key)) {
                    statement.executeUpdate();
                }
            }
            try (PreparedStatement statement = bind(prepareStatement(dialect().nextSequenceSql()), key);
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new CaseStoreException("counting the case number sequence", e);
        }
    }

    /**
     * Inserts a new case row as of the end of the running command: it goes as one {@code INSERT} with the command's
     * later changes to it (the process it started, its status and open task, its audit head), before the store's next
     * statement or when the command closes. A unique index that refuses it (a known external id) fails the command.
     * The row has no number yet: it is numbered in {@code numberDay}'s sequence when first needed ({@link #number}).
     */
    void insert(CaseRow row, LocalDate numberDay) {
        if (row.number() != null) {
            throw new IllegalArgumentException("a new case is numbered by the store, not before: " + row.number());
        }
        java.util.Map<String, Object> columns = columns(row);
        // Joins the store's statements to the command's transaction now, as the insert itself would.
        connection();
        CommandState state = commandState(true);
        state.inserts.put(row.id(), new java.util.HashMap<>(columns));
        state.unnumbered.put(row.id(), numberDay);
        // The command knows the new row as written: its listeners and its answer need not read it back.
        remember(columns);
        // A new case's chain starts at the genesis; its diagram is set once its process has started.
        headsOfThisCommand().put(row.id(), new Head(null, 0, AuditChain.GENESIS));
    }

    void setRoutingSuggestion(CaseId id, UnitId unit, List<UnitId> assistingUnits) {
        assign(id, "routing_suggestion", unit.value(),
                "routing_assisting", assistingUnits.isEmpty() ? null : String.join(",", assistingUnits.stream().map(UnitId::value).toList()));
    }

    void setProcessInstance(CaseId id, String processInstanceId) {
        assign(id, "process_instance_id", processInstanceId);
    }

    void updateStatus(CaseId id, CaseStatus status, Instant now) {
        assign(id, "status", status.name(), "updated_at", now);
    }

    /** A clock started: its deadline is set and the previous clock's warning card no longer applies. */
    void setDeadline(CaseId id, ClockKind clock, Instant due, Instant now) {
        String column = switch (clock) {
            case SIGN_FOR -> "sign_for_due";
            case HANDLING, REWORK -> "handling_due";
            case CALLBACK -> "callback_due";
            case ASSIST -> throw new IllegalArgumentException("an assisting unit's deadline belongs to its part, not the case");
        };
        assign(id, column, due, "warning_level", WarningLevel.NONE.name(), "updated_at", now);
    }

    /**
     * Records a card for a clock's deadline, with the step's other writes: its job has looked it up under the case's
     * lock ({@link #lockForCard}). The statement still inserts only unless present.
     */
    void recordWarning(CaseId id, ClockKind clock, WarningLevel level, Instant due, UnitId unit, Instant now) {
        updateLater(WARNING_TABLE, dialect().insertWarningSql(), id.value(), clock.name(), level.name(), due, now,
                unit == null ? null : unit.value());
    }

    void setWarning(CaseId id, WarningLevel level, Instant now) {
        assign(id, "warning_level", level.name(), "updated_at", now);
    }

    /**
     * The case row's columns, and its audit head for the command's appends: a step that takes its case records an event
     * too, and reads both in one statement. {@code locking} is appended to the query (a row-locking clause, or empty);
     * {@code alsoSelect}, where given, is selected too, a number kept in the columns as {@code also_selected}.
     */
    private java.util.Map<String, Object> readWithAuditHead(CaseId id, String locking, String alsoSelect, Object... alsoParameters) {
        Object[] parameters = java.util.Arrays.copyOf(alsoParameters, alsoParameters.length + 1);
        parameters[alsoParameters.length] = id.value();
        try (PreparedStatement statement = prepare("SELECT " + COLUMNS + ", process_definition_id, audit_head_seq, audit_head_hash"
                + (alsoSelect == null ? "" : ", " + alsoSelect + " AS " + ALSO_SELECTED) + " FROM hw_case WHERE id = ?" + locking,
                parameters); ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new CaseNotFoundException("case", id.value());
            }
            java.util.Map<String, Object> columns = columns(rs);
            if (alsoSelect != null) {
                columns.put(ALSO_SELECTED, rs.getLong(ALSO_SELECTED));
            }
            long sequence = rs.getLong("audit_head_seq");
            Head head = new Head(rs.getString("process_definition_id"), sequence,
                    rs.wasNull() ? AuditChain.GENESIS : rs.getString("audit_head_hash"));
            headsOfThisCommand().putIfAbsent(id, head);
            return columns;
        } catch (SQLException e) {
            throw new CaseStoreException("reading case " + id, e);
        }
    }

    /**
     * A new lead unit (or none, after an accepted return): its clocks have not started yet, its return window has. The
     * unit joins the units the case was ever assigned to.
     */
    void assignLeadUnit(CaseId id, UnitId unit, Instant now) {
        assign(id, "lead_unit", unit == null ? null : unit.value(), "dispatched_at", unit == null ? null : now,
                "sign_for_due", null, "handling_due", null, "updated_at", now);
        if (unit != null) {
            addCaseUnit(id, unit, now);
        }
    }

    /** A case passed down (下派): another lead unit, the same dispatch time and deadlines. */
    void transferLeadUnit(CaseId id, UnitId unit, Instant now) {
        assign(id, "lead_unit", unit.value(), "updated_at", now);
        addCaseUnit(id, unit, now);
    }

    /** Records that {@code unit} has (had) a part in the case, so that its users may see it from now on. */
    void addCaseUnit(CaseId id, UnitId unit, Instant now) {
        updateLater(CASE_UNIT_TABLE, dialect().insertCaseUnitSql(), id.value(), unit.value(), now);
    }

    /** When the case went to its current lead unit; empty while it has none. */
    Optional<Instant> dispatchedAt(CaseId id) {
        return columnsOf(id).map(columns -> (Instant) columns.get("dispatched_at"));
    }

    /** The lead unit an arbitration fixed, which may not return the case; empty before any arbitration. */
    Optional<UnitId> arbitratedUnit(CaseId id) {
        return columnsOf(id).map(columns -> (String) columns.get("arbitrated_unit")).map(UnitId::of);
    }

    void setArbitratedUnit(CaseId id, UnitId unit) {
        assign(id, "arbitrated_unit", unit.value());
    }

    /** Every unit the case is or was assigned to. */
    java.util.Set<UnitId> unitsOf(CaseId id) {
        java.util.Set<UnitId> units = new java.util.LinkedHashSet<>();
        try (PreparedStatement statement = prepare("SELECT unit FROM hw_case_unit WHERE case_id = ? ORDER BY assigned_at", id.value());
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                units.add(UnitId.of(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new CaseStoreException("reading the units of case " + id, e);
        }
        return units;
    }

    void addExtension(CaseId id, int workingDays, Instant now) {
        update("UPDATE hw_case SET extended_days = extended_days + ?, updated_at = ? WHERE id = ?", workingDays, now, id.value());
    }

    void suspend(CaseId id, PausedClock paused) {
        assign(id, "suspended_since", paused.pausedAt(), "paused_days_left", paused.remainingWorkingDays(),
                "paused_seconds_left", paused.remainingTime() == null ? null : paused.remainingTime().toSeconds(),
                "updated_at", paused.pausedAt());
    }

    void resume(CaseId id, Instant now) {
        assign(id, "suspended_since", null, "paused_days_left", null, "paused_seconds_left", null, "updated_at", now);
    }

    void insertFact(String id, CaseId caseId, UnitId unit, FactKind kind, String detail, String recordedBy, String reviewId,
            Instant now) {
        update("INSERT INTO hw_accountability_fact (id, case_id, unit, kind, recorded_at, detail, recorded_by, review_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, caseId.value(), unit.value(), kind.name(), now, detail, recordedBy, reviewId);
    }

    /** Gives the review {@code reviewId} the facts of {@code kind} against {@code unit} since {@code from} that have none. */
    void attachFacts(UnitId unit, FactKind kind, Instant from, String reviewId) {
        update("UPDATE hw_accountability_fact SET review_id = ? WHERE unit = ? AND kind = ? AND recorded_at >= ? AND review_id IS NULL",
                reviewId, unit.value(), kind.name(), from);
    }

    /** Facts of {@code kind} against {@code unit} recorded from {@code from} (inclusive) to {@code to} (inclusive). */
    long countFacts(UnitId unit, FactKind kind, Instant from, Instant to) {
        try (PreparedStatement statement = prepare("SELECT COUNT(*) FROM hw_accountability_fact WHERE unit = ? AND kind = ? "
                + "AND recorded_at >= ? AND recorded_at <= ?", unit.value(), kind.name(), from, to); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new CaseStoreException("counting accountability facts", e);
        }
    }

    /** How many events of one type each unit caused in [{@code from}, {@code to}). */
    java.util.Map<UnitId, Long> countEventsByUnit(CaseEventType type, Instant from, Instant to) {
        return countByUnit("SELECT actor_unit, COUNT(*) FROM hw_case_event WHERE event_type = ? AND occurred_at >= ? "
                + "AND occurred_at < ? AND actor_unit IS NOT NULL GROUP BY actor_unit", type.name(), from, to);
    }

    /** How many facts of one kind each unit has, recorded in [{@code from}, {@code to}). */
    java.util.Map<UnitId, Long> countFactsByUnit(FactKind kind, Instant from, Instant to) {
        return countByUnit("SELECT unit, COUNT(*) FROM hw_accountability_fact WHERE kind = ? AND recorded_at >= ? "
                + "AND recorded_at < ? GROUP BY unit", kind.name(), from, to);
    }

    private java.util.Map<UnitId, Long> countByUnit(String sql, Object... parameters) {
        java.util.Map<UnitId, Long> counts = new java.util.HashMap<>();
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                counts.put(UnitId.of(rs.getString(1)), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new CaseStoreException("counting per unit", e);
        }
        return counts;
    }

    void countReturn(CaseId id, Instant now) {
        update("UPDATE hw_case SET returns_count = returns_count + 1, updated_at = ? WHERE id = ?", now, id.value());
    }

    void countReopen(CaseId id, Instant now) {
        update("UPDATE hw_case SET reopens_count = reopens_count + 1, callback_due = NULL, updated_at = ? WHERE id = ?",
                now, id.value());
    }

    /**
     * Open cases of {@code category} in {@code areaCode} taken in from {@code from} to {@code to}, other than
     * {@code except} and not merged into another case: the candidates of a duplicate proposal, newest first. Only
     * the columns a proposal shows and compares are read: the search runs at every intake, over up to
     * {@value #MAX_DUPLICATE_CANDIDATES} rows.
     */
    List<DuplicateCandidate> duplicateCandidates(Category category, String areaCode, Instant from, Instant to, CaseId except) {
        List<DuplicateCandidate> candidates = new ArrayList<>();
        String sql = "SELECT id, case_number, status, subject, description, lead_unit, created_at "
                + "FROM hw_case WHERE category = ? AND area_code = ? AND created_at >= ? AND created_at <= ? AND status <> ? "
                + "AND id <> ? AND master_id IS NULL ORDER BY created_at DESC LIMIT " + MAX_DUPLICATE_CANDIDATES;
        try (PreparedStatement statement = prepareReadingOthers(except, sql, category.name(), areaCode, from, to,
                CaseStatus.CLOSED.name(), except.value()); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String leadUnit = rs.getString(6);
                candidates.add(new DuplicateCandidate(CaseId.of(rs.getString(1)), new CaseNumber(rs.getString(2)),
                        CaseStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        leadUnit == null ? null : UnitId.of(leadUnit), instant(rs, 7)));
            }
        } catch (SQLException e) {
            throw new CaseStoreException("reading duplicate candidates", e);
        }
        return candidates;
    }

    /** What the duplicate search reads of a candidate case. */
    record DuplicateCandidate(CaseId id, CaseNumber number, CaseStatus status, String subject, String description,
            UnitId leadUnit, Instant createdAt) {
    }

    /** Sets (or with null clears) the master case a duplicate is merged into. */
    void setMaster(CaseId id, CaseId master, Instant now) {
        assign(id, "master_id", master == null ? null : master.value(), "updated_at", now);
    }

    /** The cases merged into {@code master} that still wait for its reply. */
    List<CaseRow> waitingDuplicates(CaseId master) {
        // A case is never its own master: the rows read are the others'.
        List<CaseRow> rows = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM hw_case WHERE master_id = ? AND status = ? ORDER BY case_number";
        try (PreparedStatement statement = prepareReadingOthers(master, sql, master.value(), CaseStatus.MERGED.name());
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(map(rs));
            }
        } catch (SQLException e) {
            throw new CaseStoreException("reading the cases merged into " + master, e);
        }
        return rows;
    }

    void recordReply(CaseId id, ReplyResult result, Instant now) {
        assign(id, "reply_result", result.name(), "updated_at", now);
    }

    void recordCallback(CaseId id, Satisfaction satisfaction, Boolean resolved, Instant now) {
        assign(id, "satisfaction", satisfaction.name(), "resolved", resolved, "updated_at", now);
    }

    void close(CaseId id, Instant now) {
        assign(id, "status", CaseStatus.CLOSED.name(), "warning_level", WarningLevel.NONE.name(), "closed_at", now, "updated_at", now);
    }

    /**
     * Cases matching the query; {@code visibleUnits}, when not null, limits the result to cases those units lead or
     * were assigned before.
     */
    Page<CaseRow> query(CaseQuery query, Set<UnitId> visibleUnits) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.unit() != null) {
            where.append(" AND lead_unit = ?");
            parameters.add(query.unit().value());
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            parameters.add(query.status().name());
        }
        if (query.warning() != null) {
            where.append(" AND warning_level = ?");
            parameters.add(query.warning().name());
        }
        if (query.number() != null && !query.number().isBlank()) {
            where.append(" AND case_number = ?");
            parameters.add(query.number().trim());
        }
        if (visibleUnits != null) {
            if (visibleUnits.isEmpty()) {
                return new Page<>(List.of(), query.page(), query.size(), 0);
            }
            StringJoiner in = new StringJoiner(", ", "(", ")");
            visibleUnits.forEach(unit -> in.add("?"));
            where.append(" AND (lead_unit IN ").append(in).append(" OR id IN (SELECT case_id FROM hw_case_unit WHERE unit IN ")
                    .append(in).append("))");
            visibleUnits.forEach(unit -> parameters.add(unit.value()));
            visibleUnits.forEach(unit -> parameters.add(unit.value()));
        }
        long total;
        try (PreparedStatement statement = prepare("SELECT COUNT(*) FROM hw_case" + where, parameters.toArray());
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
        } catch (SQLException e) {
            throw new CaseStoreException("counting cases", e);
        }
        parameters.add(query.size());
        parameters.add((long) query.page() * query.size());
        List<CaseRow> rows = queryList("SELECT " + COLUMNS + " FROM hw_case" + where
                + " ORDER BY case_number DESC LIMIT ? OFFSET ?", parameters.toArray());
        return new Page<>(rows, query.page(), query.size(), total);
    }

    List<CaseRow> findAll(Collection<CaseId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        StringJoiner in = new StringJoiner(", ", "(", ")");
        ids.forEach(id -> in.add("?"));
        return queryList("SELECT " + COLUMNS + " FROM hw_case WHERE id IN " + in,
                ids.stream().map(CaseId::value).toArray());
    }

    /**
     * Appends an event to the case's audit chain (and timeline) and returns its sequence number (1, 2, ...). The row
     * follows the head the case row keeps, and becomes the new head; both writes are in the caller's transaction, which
     * holds the case row, so no two appends of one case interleave.
     *
     * @param processDefinitionId the diagram the event happened in; null for the case's own (hotline-case)
     */
    long append(CaseId caseId, CaseEventType type, Instant at, String actor, UnitId actorUnit, String taskKey, String detail,
            Instant deadline, String processDefinitionId) {
        java.util.Map<CaseId, Head> written = headsOfThisCommand();
        Head head = written.get(caseId);
        if (head == null) {
            try (PreparedStatement statement = prepare("SELECT process_definition_id, audit_head_seq, audit_head_hash FROM hw_case "
                    + "WHERE id = ?", caseId.value()); ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new CaseNotFoundException("case", caseId.value());
                }
                String definitionId = rs.getString(1);
                long sequence = rs.getLong(2);
                head = new Head(definitionId, sequence, rs.wasNull() ? AuditChain.GENESIS : rs.getString(3));
            } catch (SQLException e) {
                throw new CaseStoreException("reading the audit head of case " + caseId, e);
            }
        }
        String caseDefinition = head.caseDefinition();
        long headSequence = head.sequence();
        String headHash = head.hash();
        ProcessDefinitionEntity definition = definition(processDefinitionId != null ? processDefinitionId : caseDefinition);
        long sequence = headSequence + 1;
        AuditRecord row = new AuditRecord(caseId.value(), sequence, type.name(), AuditChain.normalise(at), actor,
                actorUnit == null ? null : actorUnit.value(), taskKey, detail, AuditChain.normalise(deadline),
                definition == null ? null : definition.getKey(), definition == null ? null : definition.getVersion(), null, null)
                .sealed(headHash);
        updateLater(EVENT_TABLE, "INSERT INTO hw_case_event (case_id, seq, event_type, occurred_at, actor, actor_unit, task_key, "
                        + "detail, deadline, process_key, process_version, prev_hash, row_hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.caseId(), row.sequence(), row.eventType(), row.occurredAt(), row.actor(), row.actorUnit(), row.taskKey(),
                row.detail(), row.deadline(), row.processKey(), row.processVersion(), row.previousHash(), row.hash());
        assign(caseId, "audit_head_seq", sequence, "audit_head_hash", row.hash());
        written.put(caseId, new Head(caseDefinition, sequence, row.hash()));
        return sequence;
    }

    private static ProcessDefinitionEntity definition(String processDefinitionId) {
        if (processDefinitionId == null) {
            return null;
        }
        return Context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(processDefinitionId);
    }

    void setProcessDefinition(CaseId id, String processDefinitionId) {
        assign(id, "process_definition_id", processDefinitionId);
        headsOfThisCommand().computeIfPresent(id, (key, head) -> new Head(processDefinitionId, head.sequence(), head.hash()));
    }

    List<StoredEvent> events(CaseId caseId) {
        return auditRecords(caseId).stream().map(StoredEvent::of).toList();
    }

    Optional<StoredEvent> event(CaseId caseId, long sequence) {
        List<AuditRecord> found = auditRecords("WHERE case_id = ? AND seq = ?", caseId.value(), sequence);
        return found.isEmpty() ? Optional.empty() : Optional.of(StoredEvent.of(found.get(0)));
    }

    /** The case's audit rows in sequence order, exactly as stored. */
    List<AuditRecord> auditRecords(CaseId caseId) {
        return auditRecords("WHERE case_id = ? ORDER BY seq", caseId.value());
    }

    private List<AuditRecord> auditRecords(String condition, Object... parameters) {
        List<AuditRecord> records = new ArrayList<>();
        try (PreparedStatement statement = prepare("SELECT case_id, seq, event_type, occurred_at, actor, actor_unit, task_key, "
                + "detail, deadline, process_key, process_version, prev_hash, row_hash FROM hw_case_event " + condition, parameters);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                int version = rs.getInt(11);
                Integer processVersion = rs.wasNull() ? null : version;
                records.add(new AuditRecord(rs.getString(1), rs.getLong(2), rs.getString(3), instant(rs, 4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), rs.getString(10), processVersion,
                        rs.getString(12), rs.getString(13)));
            }
        } catch (SQLException e) {
            throw new CaseStoreException("reading audit rows", e);
        }
        return records;
    }

    /** The head of a case's audit chain as the case row keeps it; both null before its first event. */
    record AuditHead(Long sequence, String hash) {
    }

    /** @throws CaseNotFoundException for an unknown case */
    AuditHead auditHead(CaseId caseId) {
        try (PreparedStatement statement = prepare("SELECT audit_head_seq, audit_head_hash FROM hw_case WHERE id = ?", caseId.value());
                ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new CaseNotFoundException("case", caseId.value());
            }
            long sequence = rs.getLong(1);
            return rs.wasNull() ? new AuditHead(null, null) : new AuditHead(sequence, rs.getString(2));
        } catch (SQLException e) {
            throw new CaseStoreException("reading the audit head of case " + caseId, e);
        }
    }

    void recordExport(String actor, Instant at, String query, String format, boolean masked) {
        update("INSERT INTO hw_audit_export (id, actor, exported_at, query, format, masked) VALUES (?, ?, ?, ?, ?, ?)",
                java.util.UUID.randomUUID().toString(), actor, at, query.length() > 1000 ? query.substring(0, 1000) : query, format,
                masked);
    }

    /** One exported row: the audit row with its case's number, classification, unit and caller. */
    interface ExportSink {
        void row(String[] values) throws java.io.IOException;
    }

    static final String[] EXPORT_COLUMNS = {"caseNumber", "caseId", "category", "urgency", "channel", "leadUnit", "callerName",
            "callerPhone", "address", "sequence", "event", "occurredAt", "actor", "actorUnit", "taskKey", "detail", "deadline",
            "processKey", "processVersion", "hash"};

    /**
     * Streams the rows of an export to {@code sink} as the database returns them (fetch size 500), ordered by case and
     * sequence; {@code mask} replaces caller name, phone and address. Returns the number of rows.
     */
    long export(CaseId caseId, Instant from, Instant to, UnitId unit, java.util.function.UnaryOperator<String[]> mask, ExportSink sink) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (caseId != null) {
            where.append(" AND e.case_id = ?");
            parameters.add(caseId.value());
        }
        if (from != null) {
            where.append(" AND e.occurred_at >= ?");
            parameters.add(from);
        }
        if (to != null) {
            where.append(" AND e.occurred_at < ?");
            parameters.add(to);
        }
        if (unit != null) {
            where.append(" AND c.lead_unit = ?");
            parameters.add(unit.value());
        }
        long rows = 0;
        try (PreparedStatement statement = prepare("SELECT c.case_number, c.id, c.category, c.urgency, c.channel, c.lead_unit, "
                + "c.caller_name, c.caller_phone, c.address, e.seq, e.event_type, e.occurred_at, e.actor, e.actor_unit, e.task_key, "
                + "e.detail, e.deadline, e.process_key, e.process_version, e.row_hash FROM hw_case_event e JOIN hw_case c ON c.id = e.case_id"
                + where + " ORDER BY e.case_id, e.seq", parameters.toArray())) {
            statement.setFetchSize(500);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String[] values = new String[EXPORT_COLUMNS.length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = switch (i) {
                            case 10 -> CaseEventType.valueOf(rs.getString(11)).eventName();
                            case 11, 16 -> {
                                Instant instant = instant(rs, i + 1);
                                yield instant == null ? null : instant.toString();
                            }
                            default -> rs.getString(i + 1);
                        };
                    }
                    sink.row(mask.apply(values));
                    rows++;
                }
            }
        } catch (SQLException e) {
            throw new CaseStoreException("exporting audit rows", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("writing the export", e);
        }
        return rows;
    }

    /** Keeps a head digest, once per {@code asOf}; returns false when one was kept already. */
    boolean keepDigest(HeadDigest digest, Instant now) {
        try (PreparedStatement statement = prepare("SELECT COUNT(*) FROM hw_audit_digest WHERE as_of = ?", digest.asOf());
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return false;
            }
        } catch (SQLException e) {
            throw new CaseStoreException("reading the audit digests", e);
        }
        update("INSERT INTO hw_audit_digest (as_of, computed_at, cases, records, digest) VALUES (?, ?, ?, ?, ?)",
                digest.asOf(), now, digest.cases(), digest.records(), digest.digest());
        return true;
    }

    List<HeadDigest> digests() {
        List<HeadDigest> digests = new ArrayList<>();
        try (PreparedStatement statement = prepare("SELECT as_of, cases, records, digest FROM hw_audit_digest ORDER BY as_of");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                digests.add(new HeadDigest(instant(rs, 1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new CaseStoreException("reading the audit digests", e);
        }
        return digests;
    }

    /** Every case id, in order: the walk of a whole-log verification. */
    List<CaseId> caseIds() {
        List<CaseId> ids = new ArrayList<>();
        try (PreparedStatement statement = prepare("SELECT id FROM hw_case ORDER BY id"); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(CaseId.of(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new CaseStoreException("listing cases", e);
        }
        return ids;
    }

    /** Each case's last row at {@code asOf}: "caseId:sequence:hash" lines in case order, for a head digest. */
    List<String> headsAsOf(Instant asOf) {
        List<String> heads = new ArrayList<>();
        try (PreparedStatement statement = prepare("SELECT case_id, seq, row_hash FROM hw_case_event WHERE occurred_at <= ? "
                + "ORDER BY case_id, seq", asOf); ResultSet rs = statement.executeQuery()) {
            String currentCase = null;
            String last = null;
            while (rs.next()) {
                if (currentCase != null && !currentCase.equals(rs.getString(1))) {
                    heads.add(last);
                }
                currentCase = rs.getString(1);
                last = currentCase + ":" + rs.getLong(2) + ":" + rs.getString(3);
            }
            if (last != null) {
                heads.add(last);
            }
        } catch (SQLException e) {
            throw new CaseStoreException("reading audit heads", e);
        }
        return heads;
    }

    private Optional<CaseRow> queryOne(String sql, Object... parameters) {
        List<CaseRow> rows = queryList(sql, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<CaseRow> queryList(String sql, Object... parameters) {
        List<CaseRow> rows = new ArrayList<>();
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(map(rs));
            }
        } catch (SQLException e) {
            throw new CaseStoreException("reading cases", e);
        }
        return rows;
    }

    int update(String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new CaseStoreException("writing case data", e);
        }
    }

    /**
     * Prepares a read of case rows other than {@code except}. What the command keeps for that case alone (a new row,
     * its changes) cannot change the answer, so it is not sent first and goes with the command's other writes at its
     * end; anything kept for other cases, or for the tables the read names, goes first as {@link #prepare} sends it.
     */
    private PreparedStatement prepareReadingOthers(CaseId except, String sql, Object... parameters) throws SQLException {
        CommandState state = commandState(false);
        boolean keptForOthers = state != null && (state.inserts.keySet().stream().anyMatch(id -> !id.equals(except))
                || state.assignments.keySet().stream().anyMatch(id -> !id.equals(except))
                || state.deferred.stream().anyMatch(write -> write.table().matcher(sql).find()));
        return keptForOthers ? prepare(sql, parameters) : bind(prepareStatement(sql), parameters);
    }

    PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        CommandState state = commandState(false);
        if (state != null) {
            boolean caseTable = CASE_TABLE.matcher(sql).find();
            if (!state.inserts.isEmpty() || caseTable && !state.assignments.isEmpty()
                    || state.deferred.stream().anyMatch(write -> write.table().matcher(sql).find())) {
                // The statement reads or writes what the command keeps (a case row's changes, a deferred write's
                // table), or may need a new case row (the library's other tables refer to it): all of it goes first.
                sendPending(state);
            }
            if (caseTable && !sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6)) {
                // Changed in a way the kept rows do not follow: the next find reads again.
                state.rows.clear();
            }
        }
        return bind(prepareStatement(sql), parameters);
    }

    /** A statement of the running command's connection; kept prepared from one command to the next on H2. */
    private PreparedStatement prepareStatement(String sql) throws SQLException {
        Connection connection = connection();
        KeptStatements kept = database().kept();
        return kept == null ? connection.prepareStatement(sql) : kept.prepare(connection, sql);
    }

    /** A null parameter of a known SQL type, for drivers that want the type of a null. */
    private record TypedNull(int sqlType) {
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... parameters) throws SQLException {
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value instanceof TypedNull typed) {
                    statement.setNull(i + 1, typed.sqlType());
                } else if (value instanceof Instant instant) {
                    setInstant(statement, i + 1, instant);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static CaseRow map(ResultSet rs) throws SQLException {
        return toRow(columns(rs));
    }

    /**
     * The columns of a case row as Java values (strings, instants, numbers, booleans; null for SQL NULL), the same kinds
     * {@link #assign} is given, so that the command's assignments apply to a row it read.
     */
    private static java.util.Map<String, Object> columns(ResultSet rs) throws SQLException {
        java.util.Map<String, Object> columns = new java.util.HashMap<>();
        for (String column : COLUMN_NAMES) {
            Object value = switch (sqlType(column)) {
                case Types.TIMESTAMP -> instant(rs, column);
                case Types.BOOLEAN -> rs.getBoolean(column);
                case Types.DOUBLE -> rs.getDouble(column);
                case Types.INTEGER -> rs.getInt(column);
                case Types.BIGINT -> rs.getLong(column);
                default -> rs.getString(column);
            };
            columns.put(column, rs.wasNull() ? null : value);
        }
        return columns;
    }

    /** The SQL type of a case-row column, which also says the Java kind its value has in a row's columns. */
    private static int sqlType(String column) {
        return switch (column) {
            case "sign_for_due", "handling_due", "callback_due", "suspended_since", "created_at", "updated_at", "closed_at",
                    "dispatched_at" -> Types.TIMESTAMP;
            case "caller_anonymous", "caller_confidential", "resolved" -> Types.BOOLEAN;
            case "latitude", "longitude" -> Types.DOUBLE;
            case "extended_days", "paused_days_left", "returns_count", "reopens_count", "assist_parts" -> Types.INTEGER;
            case "paused_seconds_left", "row_version" -> Types.BIGINT;
            default -> Types.VARCHAR;
        };
    }

    /** A row's columns as {@link #columns(ResultSet)} reads them back; the inverse of {@link #toRow}. */
    private static java.util.Map<String, Object> columns(CaseRow row) {
        java.util.Map<String, Object> c = new java.util.HashMap<>();
        c.put("id", row.id().value());
        c.put("case_number", row.number() == null ? null : row.number().value());
        c.put("external_id", row.externalId());
        c.put("status", row.status().name());
        c.put("category", row.category().name());
        c.put("urgency", row.urgency().name());
        c.put("channel", row.channel().name());
        c.put("subject", row.subject());
        c.put("description", row.description());
        c.put("caller_name", row.caller().name());
        c.put("caller_phone", row.caller().phone());
        c.put("caller_anonymous", row.caller().anonymous());
        c.put("caller_confidential", row.caller().confidential());
        Location location = row.location();
        c.put("address", location == null ? null : location.address());
        c.put("area_code", location == null ? null : location.areaCode());
        c.put("latitude", location == null ? null : location.latitude());
        c.put("longitude", location == null ? null : location.longitude());
        c.put("lead_unit", row.leadUnit() == null ? null : row.leadUnit().value());
        c.put("routing_suggestion", row.routingSuggestion() == null ? null : row.routingSuggestion().value());
        c.put("routing_assisting", row.suggestedAssistingUnits().isEmpty() ? null
                : String.join(",", row.suggestedAssistingUnits().stream().map(UnitId::value).toList()));
        c.put("sign_for_due", row.signForDue());
        c.put("handling_due", row.handlingDue());
        c.put("callback_due", row.callbackDue());
        c.put("warning_level", row.warning().name());
        c.put("extended_days", row.extendedWorkingDays());
        c.put("suspended_since", row.suspendedSince());
        PausedClock paused = row.pausedClock();
        c.put("paused_days_left", paused == null ? null : paused.remainingWorkingDays());
        c.put("paused_seconds_left", paused == null || paused.remainingTime() == null ? null : paused.remainingTime().toSeconds());
        c.put("returns_count", row.returns());
        c.put("reopens_count", row.reopens());
        c.put("reply_result", row.replyResult() == null ? null : row.replyResult().name());
        c.put("satisfaction", row.satisfaction() == null ? null : row.satisfaction().name());
        c.put("resolved", row.resolved());
        c.put("process_instance_id", row.processInstanceId());
        c.put("created_at", row.createdAt());
        c.put("updated_at", row.updatedAt());
        c.put("closed_at", row.closedAt());
        c.put("master_id", row.masterId() == null ? null : row.masterId().value());
        c.put("assist_parts", row.assistParts());
        c.put("row_version", row.version());
        // Set by later steps only.
        c.put("dispatched_at", null);
        c.put("arbitrated_unit", null);
        c.put("open_tasks", null);
        return c;
    }

    private static CaseRow toRow(java.util.Map<String, Object> c) {
        String leadUnit = (String) c.get("lead_unit");
        String suggestion = (String) c.get("routing_suggestion");
        String suggestedAssisting = (String) c.get("routing_assisting");
        String masterId = (String) c.get("master_id");
        String replyResult = (String) c.get("reply_result");
        String satisfaction = (String) c.get("satisfaction");
        Double latitude = (Double) c.get("latitude");
        Double longitude = (Double) c.get("longitude");
        String address = (String) c.get("address");
        String areaCode = (String) c.get("area_code");
        Location location = address == null && areaCode == null && latitude == null && longitude == null
                ? null : new Location(address, areaCode, latitude, longitude);
        Instant suspendedSince = (Instant) c.get("suspended_since");
        PausedClock paused = suspendedSince == null ? null : c.get("paused_days_left") != null
                ? new PausedClock(suspendedSince, ((Number) c.get("paused_days_left")).intValue(), null)
                : new PausedClock(suspendedSince, null, java.time.Duration.ofSeconds(((Number) c.get("paused_seconds_left")).longValue()));
        return new CaseRow(
                CaseId.of((String) c.get("id")),
                new CaseNumber((String) c.get("case_number")),
                (String) c.get("external_id"),
                CaseStatus.valueOf((String) c.get("status")),
                Category.valueOf((String) c.get("category")),
                Urgency.valueOf((String) c.get("urgency")),
                Channel.valueOf((String) c.get("channel")),
                (String) c.get("subject"),
                (String) c.get("description"),
                new Caller((String) c.get("caller_name"), (String) c.get("caller_phone"),
                        Boolean.TRUE.equals(c.get("caller_anonymous")), Boolean.TRUE.equals(c.get("caller_confidential"))),
                location,
                leadUnit == null ? null : UnitId.of(leadUnit),
                suggestion == null ? null : UnitId.of(suggestion),
                suggestedAssisting == null ? List.of()
                        : java.util.Arrays.stream(suggestedAssisting.split(",")).map(UnitId::of).toList(),
                (Instant) c.get("sign_for_due"),
                (Instant) c.get("handling_due"),
                (Instant) c.get("callback_due"),
                WarningLevel.valueOf((String) c.get("warning_level")),
                ((Number) c.get("extended_days")).intValue(),
                suspendedSince,
                paused,
                ((Number) c.get("returns_count")).intValue(),
                ((Number) c.get("reopens_count")).intValue(),
                replyResult == null ? null : ReplyResult.valueOf(replyResult),
                satisfaction == null ? null : Satisfaction.valueOf(satisfaction),
                (Boolean) c.get("resolved"),
                (String) c.get("process_instance_id"),
                (Instant) c.get("created_at"),
                (Instant) c.get("updated_at"),
                (Instant) c.get("closed_at"),
                masterId == null ? null : CaseId.of(masterId),
                ((Number) c.get("assist_parts")).intValue(),
                ((Number) c.get("row_version")).longValue());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** Instants are stored as UTC wall-clock time, independent of the JVM's and the session's time zone. */
    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
