/**
 * The case (工单) itself: its identity, its classification, the caller and place, its status and
 * deadlines, and the view and query a portal uses to list cases.
 */
package org.hotline12345.workflow.cases;
