package org.oretrace.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker inside this JVM, for the tests and {@code oretrace bench kafka}: Kafka's own
 * server in KRaft mode, one node that is both broker and controller, on free ports of the loopback
 * address, with its log in a temporary folder. The storage is formatted with Kafka's own storage
 * tool, as an operator would with {@code kafka-storage.sh format}; replication factors are 1, since
 * there is one node.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private final Path logFolder;
  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private boolean closed;

  private EmbeddedKafka(Path logFolder, KafkaRaftServer server, String bootstrapServers) {
    this.logFolder = logFolder;
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /** Formats a fresh log folder and starts the node; returns once it accepts clients. */
  public static EmbeddedKafka start() {
    try {
      Path logFolder = Files.createTempDirectory("oretrace-kafka");
      int brokerPort = freePort();
      int controllerPort = freePort();
      Properties properties = new Properties();
      properties.put("process.roles", "broker,controller");
      properties.put("node.id", "1");
      properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
      properties.put(
          "listeners",
          "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
      properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
      properties.put("controller.listener.names", "CONTROLLER");
      properties.put("inter.broker.listener.name", "PLAINTEXT");
      properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      properties.put("log.dirs", logFolder.toString());
      properties.put("num.partitions", "1");
      properties.put("offsets.topic.replication.factor", "1");
      properties.put("offsets.topic.num.partitions", "1");
      properties.put("transaction.state.log.replication.factor", "1");
      properties.put("transaction.state.log.min.isr", "1");
      properties.put("transaction.state.log.num.partitions", "1");
      properties.put("share.coordinator.state.topic.replication.factor", "1");
      properties.put("share.coordinator.state.topic.min.isr", "1");
      properties.put("group.initial.rebalance.delay.ms", "0");
      properties.put("log.flush.interval.messages", "100000");
      Path configFile = logFolder.resolve("server.properties");
      try (var writer = Files.newBufferedWriter(configFile)) {
        properties.store(writer, "oretrace test broker");
      }
      format(logFolder.resolve("server.properties"));
      KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties), Time.SYSTEM);
      server.startup();
      return new EmbeddedKafka(logFolder, server, "127.0.0.1:" + brokerPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void format(Path configFile) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exitCode =
          StorageTool.execute(
              new String[] {
                "format",
                "--cluster-id",
                Uuid.randomUuid().toString(),
                "--config",
                configFile.toString(),
                "--ignore-formatted"
              },
              print);
    }
    if (exitCode != 0) {
      throw new IllegalStateException(
          "kafka-storage format failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** host:port for clients' {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Stops the node and deletes its log; a second call does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    try (Stream<Path> files = Files.walk(logFolder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
