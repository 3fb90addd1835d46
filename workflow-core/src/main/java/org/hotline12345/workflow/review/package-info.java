/** The hotline office's checks after the unit replies: review, callback and the reopen decision. */
package org.hotline12345.workflow.review;
