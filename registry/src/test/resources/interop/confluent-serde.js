// Serializes or deserializes one record with Confluent's own JavaScript serdes against a
// registry, for ConfluentJavaScriptClientIT.
//   node confluent-serde.js serialize   <key|value> <registryUrl> <topic> <recordJson> <schemaJson>
//   node confluent-serde.js deserialize <key|value> <registryUrl> <topic> <hexBytes>
// Prints hex bytes or the record as JSON on stdout.
const { SchemaRegistryClient, SerdeType, AvroSerializer, AvroDeserializer } = require('@confluentinc/schemaregistry');

async function main() {
  const [mode, role, url, topic, payload, schemaText] = process.argv.slice(2);
  const client = new SchemaRegistryClient({ baseURLs: [url] });
  const serdeType = role === 'key' ? SerdeType.KEY : SerdeType.VALUE;
  if (mode === 'serialize') {
    await client.register(`${topic}-${role}`, { schemaType: 'AVRO', schema: schemaText });
    const serializer = new AvroSerializer(client, serdeType, { useLatestVersion: true });
    const bytes = await serializer.serialize(topic, JSON.parse(payload));
    process.stdout.write(Buffer.from(bytes).toString('hex'));
  } else if (mode === 'deserialize') {
    const deserializer = new AvroDeserializer(client, serdeType, {});
    const record = await deserializer.deserialize(topic, Buffer.from(payload, 'hex'));
    process.stdout.write(JSON.stringify(record));
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
