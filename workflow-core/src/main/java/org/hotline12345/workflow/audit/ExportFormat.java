package org.hotline12345.workflow.audit;

/** How an export is written: a JSON array of row objects, or CSV (RFC 4180, header row, UTF-8). */
public enum ExportFormat {
    JSON,
    CSV
}
