package org.maho.datasync.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;

class PassesTest {

    private static Ref bySku(String sku) {
        return new Ref("product", null, sku, Ref.Missing.INVALID);
    }

    @Test
    void aRecordLeftWithoutADestinationRowIsRememberedSoNothingWaitsForItForever() {
        Passes passes = new Passes();
        Record invalid = new Record("product", "child-a", "products.csv line 2");
        passes.seen(invalid);
        passes.seenKey(invalid, "child-a");

        assertTrue(passes.seen(bySku("child-a")));
        assertTrue(passes.seen(new Ref("product", "child-a", null, Ref.Missing.INVALID)));
        assertFalse(passes.seen(bySku("child-b")));
    }

    @Test
    void aWrittenRecordIsFoundOnTheDestinationSoItsKeyIsNotKept() {
        Passes passes = new Passes();
        Record written = new Record("order", "7", "sales_flat_order 7");
        written.targetId(42L);
        passes.seen(written);
        passes.seenKey(written, "100000007");

        // the key resolves through the destination from now on; the number is kept as a bit
        assertFalse(passes.seen(bySku("100000007")));
        assertTrue(passes.seen(new Ref("order", "7", null, Ref.Missing.INVALID)));
    }
}
