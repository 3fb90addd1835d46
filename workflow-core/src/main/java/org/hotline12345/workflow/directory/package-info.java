/** The organisation directory: the units cases are dispatched to, as the host knows them. */
package org.hotline12345.workflow.directory;
