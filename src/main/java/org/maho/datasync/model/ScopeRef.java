package org.maho.datasync.model;

/**
 * A configuration value's scope, portable: {@code default}, or a website or store view by code.
 *
 * @param scope {@code default}, {@code websites} or {@code stores}, as core_config_data names them
 * @param code  the website or store code; null for the default scope
 */
public record ScopeRef(String scope, String code) {

    @Override
    public String toString() {
        return code == null ? scope : scope + ":" + code;
    }
}
