package org.statdesk.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "StatDesk store", description = "The database of the workstation")
public @interface StoreConfig {
    @AttributeDefinition(description = "JDBC URL; empty means an H2 file database in the data folder, "
            + "DATA/db/statdesk.mv.db, in mixed mode so that a second process can use it while the workbench is open")
    String url() default "";

    @AttributeDefinition(description = "database user")
    String user() default "sa";

    @AttributeDefinition(description = "database password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String password() default "";
}
