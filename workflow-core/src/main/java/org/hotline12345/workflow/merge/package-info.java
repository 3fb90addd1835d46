/**
 * Merging duplicates (并单): proposals of open cases that look like the same matter, and the merge of a new case into a
 * master case that it then follows.
 */
package org.hotline12345.workflow.merge;
