package org.hospital.continuity.server.notification.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo receivers of run.sh's demo mode ({@code continuity.demo-receivers.*}, set by the {@code demo} profile). */
@io.quarkus.runtime.annotations.StaticInitSafe
@ConfigMapping(prefix = "continuity.demo-receivers")
public interface DemoReceiversSettings {

    /** Never on in production: only the {@code demo} profile turns it on. */
    @WithDefault("false")
    boolean enabled();

    /** The loopback port of the demo SMTP receiver (the mailer of the demo profile sends to it). */
    @WithDefault("2525")
    int smtpPort();
}
