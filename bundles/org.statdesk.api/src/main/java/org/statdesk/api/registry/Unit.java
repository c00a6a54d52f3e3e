package org.statdesk.api.registry;

/**
 * A survey unit (调查单位) of the register. {@code creditCode} is the unified social credit code (统一社会信用代码);
 * {@code divisionCode} the 9-digit township, {@code countyCode} its first 6 digits; {@code industryCode} the
 * GB/T 4754-2017 class with its section letter (e.g. {@code C1391}); {@code specialty} derived from the class
 * ({@code industrial}, {@code trade}, {@code services}, {@code construction}, {@code real_estate}); {@code scale}
 * {@code above} (四上) or {@code below} (四下 sample); {@code revenue} last year's revenue in 千元; {@code status}
 * {@code applied}, {@code county_checked}, {@code in_register}, {@code rejected}, {@code exited}.
 */
public record Unit(String creditCode, String name, String divisionCode, String countyCode, String industryCode,
        String specialty, String scale, double revenue, String qualification, String address, String statistician,
        String phone, String status, String opened, String closed) {

    public static final String IN_REGISTER = "in_register";

    public boolean inRegister() {
        return IN_REGISTER.equals(status);
    }
}
