/** A case's history as events in the past tense, in order, with actor and detail. */
package org.hotline12345.workflow.timeline;
