/**
 * The audit log (审计): one chained row per domain event, its verification, and the head digest that anchors it
 * outside the database.
 */
package org.hotline12345.workflow.audit;
