package org.maho.datasync.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule conditions as OpenMage stores them: read and written back byte for byte, lengths in UTF-8 bytes as PHP counts. */
class PhpSerializedTest {

    /** The sample shop's "Sony Sale" conditions, as its catalogrule row holds them. */
    private static final String SONY = "a:7:{s:4:\"type\";s:34:\"catalogrule/rule_condition_combine\";s:9:\"attribute\";N;s:8:\"operator\";N;"
            + "s:5:\"value\";s:1:\"1\";s:18:\"is_value_processed\";N;s:10:\"aggregator\";s:3:\"all\";s:10:\"conditions\";a:2:{i:0;a:5:{"
            + "s:4:\"type\";s:34:\"catalogrule/rule_condition_product\";s:9:\"attribute\";s:12:\"manufacturer\";s:8:\"operator\";s:2:\"==\";"
            + "s:5:\"value\";s:0:\"\";s:18:\"is_value_processed\";b:0;}i:1;a:5:{s:4:\"type\";s:34:\"catalogrule/rule_condition_product\";"
            + "s:9:\"attribute\";s:5:\"price\";s:8:\"operator\";s:2:\"<=\";s:5:\"value\";d:100;s:18:\"is_value_processed\";b:0;}}}";

    @Test
    void aRuleReadAndWrittenBackIsTheSameText() {
        Object tree = PhpSerialized.parse(SONY);

        assertEquals(SONY, PhpSerialized.write(tree));
        Map<?, ?> price = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) tree).get("conditions")).get(1L);
        assertEquals(new PhpSerialized.Decimal("100"), price.get("value"));
        assertEquals(Boolean.FALSE, price.get("is_value_processed"));
    }

    @Test
    void stringLengthsCountUtf8Bytes() {
        String text = "s:10:\"Grüße ü\";";

        assertEquals("Grüße ü", PhpSerialized.parse(text));
        assertEquals(text, PhpSerialized.write("Grüße ü"));
    }

    @Test
    void brokenTextIsAnErrorNamingWhere() {
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class, () -> PhpSerialized.parse("s:5:\"abc\";"));
        assertTrue(wrongLength.getMessage().contains("at byte"), wrongLength.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PhpSerialized.parse("O:8:\"stdClass\":0:{}"));
        assertThrows(IllegalArgumentException.class, () -> PhpSerialized.parse("a:1:{i:0;s:1:\"x\";"));
        assertThrows(IllegalArgumentException.class, () -> PhpSerialized.parse("i:1;i:2;"));
    }
}
