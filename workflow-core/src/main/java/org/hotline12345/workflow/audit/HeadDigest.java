package org.hotline12345.workflow.audit;

import java.time.Instant;

/**
 * A digest of the whole audit log as it stood at {@code asOf}: SHA-256 over every case's last sequence number and
 * head hash at that moment, in case-id order. Published or signed outside the database, it anchors the chains: a
 * rewritten chain no longer matches it.
 */
public record HeadDigest(Instant asOf, long cases, long records, String digest) {
}
