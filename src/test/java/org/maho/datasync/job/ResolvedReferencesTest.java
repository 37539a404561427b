package org.maho.datasync.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.maho.datasync.model.Ref;

class ResolvedReferencesTest {

    private static Ref customer(int id) {
        return new Ref("customer", String.valueOf(id), "c" + id + "@example.com|base", Ref.Missing.EMPTY);
    }

    @Test
    void everythingABatchResolvedStaysUntilTheNextBatchWhateverTheBound() {
        ResolvedReferences references = new ResolvedReferences(2);
        references.startBatch();
        for (int id = 1; id <= 5; id++) {
            references.put(customer(id), 100 + id);
        }
        // a batch referring to more than the bound: the first is still there when the batch is mapped
        for (int id = 1; id <= 5; id++) {
            assertEquals(100L + id, references.get(customer(id)));
        }

        references.startBatch();
        assertNull(references.get(customer(1)));
        assertEquals(105L, references.get(customer(5)));
        assertEquals(105L, references.get(new Ref("customer", null, "c5@example.com|base", Ref.Missing.EMPTY)));
    }
}
