/** Extensions (延期): a unit's request for more working days, and the hotline office's decision. */
package org.hotline12345.workflow.extension;
