package org.hotline12345.workflow.bpmn;

import java.util.List;
import org.hotline12345.workflow.access.Actor;

/**
 * Moves running cases to the latest version of a diagram. A changed diagram applies to new cases at once; cases
 * already running stay on the version they started with until they are migrated here. The plan maps every
 * activity to the activity with the same id in the new version (Camunda's migration API); a case waiting at an
 * activity the new version no longer has cannot be moved, and then no case is moved. Each moved case gets a
 * {@code CaseMigrated} entry in its timeline.
 */
public interface CaseMigration {

    /** What {@link #migrateToLatest} would do, without doing it. */
    Preview preview(String processKey);

    /**
     * Migrates every running instance of {@code processKey} on an older version to the latest version, all in one
     * transaction. Needs the SUPERVISOR role.
     *
     * @throws UnsafeMigrationException naming each case that cannot be moved and why; nothing was moved
     * @throws org.hotline12345.workflow.NotAuthorizedException when the actor is not a supervisor
     */
    Result migrateToLatest(Actor actor, String processKey);

    /** The versions with running cases, and the problems that would stop a migration (empty when it is safe). */
    record Preview(String processKey, int targetVersion, List<SourceVersion> sources, List<String> problems) {

        public Preview {
            sources = List.copyOf(sources);
            problems = List.copyOf(problems);
        }

        public boolean safe() {
            return problems.isEmpty();
        }

        public long runningOnOlderVersions() {
            return sources.stream().mapToLong(SourceVersion::runningInstances).sum();
        }
    }

    /** An older version and how many instances still run on it. */
    record SourceVersion(int version, long runningInstances) {
    }

    /** What a migration did. */
    record Result(String processKey, int targetVersion, int migratedInstances) {
    }

    /** A migration was refused; nothing was moved. */
    final class UnsafeMigrationException extends RuntimeException {

        private final List<String> problems;

        public UnsafeMigrationException(String processKey, List<String> problems) {
            super("cannot migrate the running cases of " + processKey + " to its latest version:\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
