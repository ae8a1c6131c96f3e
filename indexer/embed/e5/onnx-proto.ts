/**
 * Writes ONNX model files. Only the part of `onnx.proto` a feed-forward graph with initialisers needs is declared
 * here (field numbers as in the ONNX specification); protobufjs does the wire encoding.
 */
import protobuf from 'protobufjs';

/** ONNX `TensorProto.DataType` codes used by the converter. */
export const OnnxType = { FLOAT: 1, UINT8: 2, INT64: 7, FLOAT16: 10 } as const;
export type OnnxTypeCode = (typeof OnnxType)[keyof typeof OnnxType];

/** ONNX `AttributeProto.AttributeType` codes. */
const AttributeType = { FLOAT: 1, INT: 2, INTS: 7 } as const;

const descriptor = {
  nested: {
    onnx: {
      nested: {
        ModelProto: {
          fields: {
            irVersion: { type: 'int64', id: 1 },
            producerName: { type: 'string', id: 2 },
            producerVersion: { type: 'string', id: 3 },
            docString: { type: 'string', id: 6 },
            graph: { type: 'GraphProto', id: 7 },
            opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
          },
        },
        OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
        GraphProto: {
          fields: {
            node: { rule: 'repeated', type: 'NodeProto', id: 1 },
            name: { type: 'string', id: 2 },
            initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
            input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
            output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
          },
        },
        NodeProto: {
          fields: {
            input: { rule: 'repeated', type: 'string', id: 1 },
            output: { rule: 'repeated', type: 'string', id: 2 },
            name: { type: 'string', id: 3 },
            opType: { type: 'string', id: 4 },
            attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
            domain: { type: 'string', id: 7 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            f: { type: 'float', id: 2 },
            i: { type: 'int64', id: 3 },
            ints: { rule: 'repeated', type: 'int64', id: 8 },
            type: { type: 'int32', id: 20 },
          },
        },
        TensorProto: {
          fields: {
            dims: { rule: 'repeated', type: 'int64', id: 1 },
            dataType: { type: 'int32', id: 2 },
            name: { type: 'string', id: 8 },
            rawData: { type: 'bytes', id: 9 },
          },
        },
        ValueInfoProto: { fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } } },
        TypeProto: { fields: { tensorType: { type: 'TypeProtoTensor', id: 1 } } },
        TypeProtoTensor: { fields: { elemType: { type: 'int32', id: 1 }, shape: { type: 'TensorShapeProto', id: 2 } } },
        TensorShapeProto: { fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } } },
        Dimension: { fields: { dimValue: { type: 'int64', id: 1 }, dimParam: { type: 'string', id: 2 } } },
      },
    },
  },
};

const root = protobuf.Root.fromJSON(descriptor);
const ModelProto = root.lookupType('onnx.ModelProto');

export type AttributeValue = number | number[] | { float: number };

export interface OnnxNode {
  op: string;
  inputs: string[];
  outputs: string[];
  /** Integers and integer lists; `{ float }` for float attributes. */
  attributes?: Record<string, AttributeValue>;
  domain?: string;
}

export interface OnnxInitializer {
  name: string;
  type: OnnxTypeCode;
  dims: number[];
  data: Uint8Array;
}

export interface OnnxValueInfo {
  name: string;
  type: OnnxTypeCode;
  /** A number for a fixed dimension, a string for a symbolic one ("batch", "sequence"). */
  shape: (number | string)[];
}

export interface OnnxModel {
  nodes: OnnxNode[];
  initializers: OnnxInitializer[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  /** Operator sets: domain ('' = the default ONNX domain) → version. */
  opsets: Record<string, number>;
  producer: string;
  docString?: string;
}

/** IR version 8 is what opset 17 models carry; every ONNX Runtime since 1.14 reads it. */
const IR_VERSION = 8;

function attribute(name: string, value: AttributeValue): Record<string, unknown> {
  if (typeof value === 'number') return { name, type: AttributeType.INT, i: value };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  return { name, type: AttributeType.FLOAT, f: value.float };
}

function valueInfo(v: OnnxValueInfo): Record<string, unknown> {
  return {
    name: v.name,
    type: {
      tensorType: {
        elemType: v.type,
        shape: { dim: v.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

/** Serialises a model to the ONNX protobuf wire format. */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const message = ModelProto.fromObject({
    irVersion: IR_VERSION,
    producerName: model.producer,
    docString: model.docString ?? '',
    opsetImport: Object.entries(model.opsets).map(([domain, version]) => ({ domain, version })),
    graph: {
      name: 'main',
      node: model.nodes.map((n, index) => ({
        name: `${n.op}_${index}`,
        opType: n.op,
        input: n.inputs,
        output: n.outputs,
        domain: n.domain ?? '',
        attribute: Object.entries(n.attributes ?? {}).map(([name, value]) => attribute(name, value)),
      })),
      initializer: model.initializers.map((t) => ({ name: t.name, dataType: t.type, dims: t.dims, rawData: t.data })),
      input: model.inputs.map(valueInfo),
      output: model.outputs.map(valueInfo),
    },
  });
  return ModelProto.encode(message).finish();
}
