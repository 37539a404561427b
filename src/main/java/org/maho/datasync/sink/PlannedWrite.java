package org.maho.datasync.sink;

import java.util.Map;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;

/** A batch's write plan, the outcome each record gets once it commits, and each record's destination row. */
public record PlannedWrite(WritePlan plan, Map<Record, Outcome> outcomes, Map<Record, RowRef> targets) {}
