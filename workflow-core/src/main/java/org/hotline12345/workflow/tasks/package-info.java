/** Worklists: the open tasks an actor may take, including steps analysts add to the diagrams. */
package org.hotline12345.workflow.tasks;
