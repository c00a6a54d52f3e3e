package org.statdesk.api.command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The one way to declare a {@link Command} (命令): put this on the {@code @Component} class that implements it, and
 * its elements become the service properties the runtime reads ({@code statdesk.command.name}, {@code .usage},
 * {@code .description}, {@code .flags}, {@code .permission}, {@code .bulk}, {@code .demo}).
 * <pre>
 * &#64;Component(service = Command.class)
 * &#64;CommandSpec(name = "registry:import", usage = "registry:import FILE [--admit] [--json]", flags = "admit",
 *         description = "...", permission = "registry.import", bulk = true)
 * public final class ImportCommand implements Command { ... }
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CommandSpec {
    /** Makes the element names {@code statdesk.command.*}. */
    String PREFIX_ = "statdesk.command.";

    /** {@code scope:name}, e.g. {@code review:run}. */
    String name();

    /** One line of usage as {@code help} prints it. */
    String usage() default "";

    /** What the command does, in the bureau's words. */
    String description() default "";

    /** Options that take no value ({@code json} always is one). */
    String[] flags() default {};

    /**
     * The permission the command needs (e.g. {@code registry.apply}); empty for commands anyone may run. The sign-in
     * layer checks it before the command runs; the command still checks the scope of each unit it touches.
     */
    String permission() default "";

    /**
     * Bulk work (imports, a province review, verification of a large journal, a draw): the start script gives such a
     * command the optimising compiler and a parallel collector; quick commands get a fast start.
     */
    boolean bulk() default false;

    /**
     * A command that fills an empty data folder with demonstration data: {@code statdesk demo} runs every such command
     * of the enabled features before it opens the workstation. It must refuse (exit 2, nothing changed) a data folder
     * that already holds data.
     */
    boolean demo() default false;
}
