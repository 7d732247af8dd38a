package org.oretrace.stream;

import java.util.OptionalLong;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-keys each event by its ledger sequence (from the {@value Topics#SEQUENCE_HEADER} header), the
 * stateless first step of detection, run by one task per partition of the events topic. A record
 * without a sequence did not come from Oretrace's publisher: it is logged and dropped.
 */
final class SequenceKeyer implements Processor<String, byte[], Long, byte[]> {

  private static final Logger LOG = LoggerFactory.getLogger(SequenceKeyer.class);

  private ProcessorContext<Long, byte[]> context;

  @Override
  public void init(ProcessorContext<Long, byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    OptionalLong sequence = Topics.sequence(record.headers());
    if (sequence.isEmpty() || record.value() == null) {
      LOG.warn(
          "a record on the events topic (key {}) has no {} header or no value; it is skipped",
          record.key(),
          Topics.SEQUENCE_HEADER);
      return;
    }
    context.forward(record.withKey(sequence.getAsLong()));
  }
}
