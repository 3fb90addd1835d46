/** The unit's part: signing for a case and replying on it. */
package org.hotline12345.workflow.handling;
