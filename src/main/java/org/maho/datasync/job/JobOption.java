package org.maho.datasync.job;

/** The CLI options that only some entity types understand. Giving one to any other type is a usage error. */
public enum JobOption {
    DATE_FILTER("--date-from/--date-to"),
    ENTITY_IDS("--entity-ids"),
    INCREMENT_IDS("--increment-ids"),
    STOCK("--stock"),
    OPTIONS_MODE("--options-mode"),
    IMAGES("--image-base-path/--image-base-url"),
    AUTO_LINK_CONFIGURABLES("--auto-link-configurables");

    private final String flag;

    JobOption(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }
}
