// The protobufjs runtime used by the generated codec, configured once: 64-bit integers decode
// as plain numbers (sequence numbers and millisecond times stay far below 2^53), not Long objects.
import $protobuf from 'protobufjs/minimal.js';

$protobuf.util.Long = undefined;
$protobuf.configure();

export default $protobuf;
