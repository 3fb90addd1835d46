package org.hotline12345.examples.portal;

import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo clock settings (demo profile).
 *
 * @param clockStart where the simulated clock starts at boot; it then runs at normal speed. Unset: real time.
 */
@ConfigurationProperties("hotline.workflow.demo")
record DemoProperties(Instant clockStart) {
}
