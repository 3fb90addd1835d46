/**
 * Spring Boot auto-configuration: active when the host has Spring Boot and the Camunda 7 starter on its class
 * path; configured under {@code hotline.workflow.*}.
 */
package org.hotline12345.workflow.bpmn.spring;
