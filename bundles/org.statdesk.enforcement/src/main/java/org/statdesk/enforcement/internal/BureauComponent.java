package org.statdesk.enforcement.internal;

import java.time.LocalDate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.statdesk.api.registry.Register;

/** The bureau as configured in {@code etc/org.statdesk.enforcement.cfg}; a changed setting applies at once. */
@Component(service = Bureau.class, configurationPid = "org.statdesk.enforcement")
@Designate(ocd = EnforcementConfig.class)
public final class BureauComponent implements Bureau {
    private final Register register;
    private volatile Settings settings;

    @Activate
    public BureauComponent(@Reference Register register, EnforcementConfig config) {
        this.register = register;
        this.settings = Settings.of(config);
    }

    @Modified
    void modified(EnforcementConfig config) {
        settings = Settings.of(config);
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public LocalDate today() {
        return LocalDate.now();
    }

    @Override
    public Register register() {
        return register;
    }
}
