package org.maho.datasync.sink;

import java.util.Map;
import org.maho.datasync.pipeline.Outcome;
import org.maho.datasync.pipeline.Record;

/** A batch's write plan, the outcome each record gets once it commits, and each record's destination row. */
public record PlannedWrite(WritePlan plan, Map<Record, Outcome> outcomes, Map<Record, RowRef> targets) {}
