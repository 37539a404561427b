package org.maho.datasync.source.magento2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Magento 2's JSON as PHP 7.1+ writes serialize(json_decode($json, true)): the texts below are PHP's own output. */
class JsonToPhpTest {

    @Test
    void keysThatReadAsIntegersAreIntegersAndFloatsAreWrittenAsPhpWritesThem() {
        assertEquals("a:4:{s:1:\"a\";i:1;i:7;s:1:\"x\";s:2:\"07\";s:1:\"y\";s:1:\"b\";a:8:{i:0;b:1;i:1;N;i:2;d:1.5;i:3;d:0.0005;"
                        + "i:4;d:1.0E+25;i:5;d:12345678.5;i:6;d:-0;i:7;d:1.0E-5;}}",
                JsonToPhp.serialized("{\"a\":1,\"7\":\"x\",\"07\":\"y\",\"b\":[true,null,1.5,0.0005,1e25,12345678.5,-0.0,0.00001]}"));
    }

    @Test
    void phpSerializedDataStaysAsItIsAndNeitherIsNothing() {
        assertEquals("a:1:{i:0;s:1:\"x\";}", JsonToPhp.serialized("a:1:{i:0;s:1:\"x\";}"));
        assertNull(JsonToPhp.serialized("{broken"));
    }
}
