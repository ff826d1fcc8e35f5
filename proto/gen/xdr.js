// @ts-nocheck
// GENERATED from proto/xdr.proto by scripts/gen-proto.mjs (protobufjs-cli). Do not edit.
// Regenerate with: npm run proto
/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "../protobuf-runtime.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $String = $util.global.String, $Array = $util.global.Array, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const xdr = $root.xdr = (() => {

    /**
     * Namespace xdr.
     * @exports xdr
     * @namespace
     */
    const xdr = {};

    xdr.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof xdr
         * @namespace
         */
        const v1 = {};

        /**
         * ProtocolVersion enum.
         * @name xdr.v1.ProtocolVersion
         * @enum {number}
         * @property {number} PROTOCOL_VERSION_UNSPECIFIED=0 PROTOCOL_VERSION_UNSPECIFIED value
         * @property {number} PROTOCOL_VERSION_CURRENT=1 PROTOCOL_VERSION_CURRENT value
         */
        v1.ProtocolVersion = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PROTOCOL_VERSION_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PROTOCOL_VERSION_CURRENT"] = 1;
            return values;
        })();

        v1.AgentFrame = (function() {

            /**
             * Properties of an AgentFrame.
             * @typedef {Object} xdr.v1.AgentFrame.$Properties
             * @property {xdr.v1.Hello.$Properties|null} [hello] AgentFrame hello
             * @property {xdr.v1.EnrollRequest.$Properties|null} [enroll] AgentFrame enroll
             * @property {xdr.v1.EventBatch.$Properties|null} [batch] AgentFrame batch
             * @property {xdr.v1.Heartbeat.$Properties|null} [heartbeat] AgentFrame heartbeat
             * @property {xdr.v1.CommandResult.$Properties|null} [commandResult] AgentFrame commandResult
             * @property {xdr.v1.ShellData.$Properties|null} [shellData] AgentFrame shellData
             * @property {xdr.v1.HostInventory.$Properties|null} [inventory] AgentFrame inventory
             * @property {"hello"|"enroll"|"batch"|"heartbeat"|"commandResult"|"shellData"|"inventory"} [body] AgentFrame body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AgentFrame.
             * @memberof xdr.v1
             * @interface IAgentFrame
             * @augments xdr.v1.AgentFrame.$Properties
             * @deprecated Use xdr.v1.AgentFrame.$Properties instead.
             */

            /**
             * Narrowed shape of an AgentFrame.
             * @typedef {{
             *   hello?: xdr.v1.Hello.$Shape|null;
             *   enroll?: xdr.v1.EnrollRequest.$Shape|null;
             *   batch?: xdr.v1.EventBatch.$Shape|null;
             *   heartbeat?: xdr.v1.Heartbeat.$Shape|null;
             *   commandResult?: xdr.v1.CommandResult.$Shape|null;
             *   shellData?: xdr.v1.ShellData.$Shape|null;
             *   inventory?: xdr.v1.HostInventory.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; hello?: null; enroll?: null; batch?: null; heartbeat?: null; commandResult?: null; shellData?: null; inventory?: null }|{ body?: "hello"; hello: xdr.v1.Hello.$Shape; enroll?: null; batch?: null; heartbeat?: null; commandResult?: null; shellData?: null; inventory?: null }|{ body?: "enroll"; hello?: null; enroll: xdr.v1.EnrollRequest.$Shape; batch?: null; heartbeat?: null; commandResult?: null; shellData?: null; inventory?: null }|{ body?: "batch"; hello?: null; enroll?: null; batch: xdr.v1.EventBatch.$Shape; heartbeat?: null; commandResult?: null; shellData?: null; inventory?: null }|{ body?: "heartbeat"; hello?: null; enroll?: null; batch?: null; heartbeat: xdr.v1.Heartbeat.$Shape; commandResult?: null; shellData?: null; inventory?: null }|{ body?: "commandResult"; hello?: null; enroll?: null; batch?: null; heartbeat?: null; commandResult: xdr.v1.CommandResult.$Shape; shellData?: null; inventory?: null }|{ body?: "shellData"; hello?: null; enroll?: null; batch?: null; heartbeat?: null; commandResult?: null; shellData: xdr.v1.ShellData.$Shape; inventory?: null }|{ body?: "inventory"; hello?: null; enroll?: null; batch?: null; heartbeat?: null; commandResult?: null; shellData?: null; inventory: xdr.v1.HostInventory.$Shape })
             * )} xdr.v1.AgentFrame.$Shape
             */

            /**
             * Constructs a new AgentFrame.
             * @memberof xdr.v1
             * @classdesc Represents an AgentFrame.
             * @constructor
             * @param {xdr.v1.AgentFrame.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AgentFrame = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AgentFrame hello.
             * @member {xdr.v1.Hello.$Properties|null|undefined} hello
             * @memberof xdr.v1.AgentFrame
             * @instance
             */
            AgentFrame.prototype.hello = null;

            /**
             * AgentFrame enroll.
             * @member {xdr.v1.EnrollRequest.$Properties|null|undefined} enroll
             * @memberof xdr.v1.AgentFrame
             * @instance
             */
            AgentFrame.prototype.enroll = null;

            /**
             * AgentFrame batch.
             * @member {xdr.v1.EventBatch.$Properties|null|undefined} batch
             * @memberof xdr.v1.AgentFrame
             * @instance
             */
            AgentFrame.prototype.batch = null;

            /**
             * AgentFrame heartbeat.
             * @member {xdr.v1.Heartbeat.$Properties|null|undefined} heartbeat
             * @memberof xdr.v1.AgentFrame
             * @instance
             */
            AgentFrame.prototype.heartbeat = null;

            /**
             * AgentFrame commandResult.
             * @member {xdr.v1.CommandResult.$Properties|null|undefined} commandResult
             * @memberof xdr.v1.AgentFrame
             * @instance
             */
            AgentFrame.prototype.commandResult = null;

            /**
             * AgentFrame shellData.
             * @member {xdr.v1.ShellData.$Properties|null|undefined} shellData
             * @memberof xdr.v1.AgentFrame
             * @instance
             */
            AgentFrame.prototype.shellData = null;

            /**
             * AgentFrame inventory.
             * @member {xdr.v1.HostInventory.$Properties|null|undefined} inventory
             * @memberof xdr.v1.AgentFrame
             * @instance
             */
            AgentFrame.prototype.inventory = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * AgentFrame body.
             * @member {"hello"|"enroll"|"batch"|"heartbeat"|"commandResult"|"shellData"|"inventory"|undefined} body
             * @memberof xdr.v1.AgentFrame
             * @instance
             */
            $Object.defineProperty(AgentFrame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "enroll", "batch", "heartbeat", "commandResult", "shellData", "inventory"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new AgentFrame instance using the specified properties.
             * @function create
             * @memberof xdr.v1.AgentFrame
             * @static
             * @param {xdr.v1.AgentFrame.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.AgentFrame} AgentFrame instance
             * @type {{
             *   (properties: xdr.v1.AgentFrame.$Shape): xdr.v1.AgentFrame & xdr.v1.AgentFrame.$Shape;
             *   (properties?: xdr.v1.AgentFrame.$Properties): xdr.v1.AgentFrame;
             * }}
             */
            AgentFrame.create = function(properties) {
                return new AgentFrame(properties);
            };

            /**
             * Encodes the specified AgentFrame message. Does not implicitly {@link xdr.v1.AgentFrame.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.AgentFrame
             * @static
             * @param {xdr.v1.AgentFrame.$Properties} message AgentFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentFrame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                    $root.xdr.v1.Hello.encode(message.hello, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.enroll != null && $Object.hasOwnProperty.call(message, "enroll"))
                    $root.xdr.v1.EnrollRequest.encode(message.enroll, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.batch != null && $Object.hasOwnProperty.call(message, "batch"))
                    $root.xdr.v1.EventBatch.encode(message.batch, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat"))
                    $root.xdr.v1.Heartbeat.encode(message.heartbeat, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.commandResult != null && $Object.hasOwnProperty.call(message, "commandResult"))
                    $root.xdr.v1.CommandResult.encode(message.commandResult, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.shellData != null && $Object.hasOwnProperty.call(message, "shellData"))
                    $root.xdr.v1.ShellData.encode(message.shellData, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.inventory != null && $Object.hasOwnProperty.call(message, "inventory"))
                    $root.xdr.v1.HostInventory.encode(message.inventory, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified AgentFrame message, length delimited. Does not implicitly {@link xdr.v1.AgentFrame.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.AgentFrame
             * @static
             * @param {xdr.v1.AgentFrame.$Properties} message AgentFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentFrame.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AgentFrame message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.AgentFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.AgentFrame & xdr.v1.AgentFrame.$Shape} AgentFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentFrame.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.AgentFrame();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.hello = $root.xdr.v1.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                            message.body = "hello";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.enroll = $root.xdr.v1.EnrollRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.enroll);
                            message.body = "enroll";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.batch = $root.xdr.v1.EventBatch.decode(reader, reader.size(), $undefined, _depth + 1, message.batch);
                            message.body = "batch";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.heartbeat = $root.xdr.v1.Heartbeat.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeat);
                            message.body = "heartbeat";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.commandResult = $root.xdr.v1.CommandResult.decode(reader, reader.size(), $undefined, _depth + 1, message.commandResult);
                            message.body = "commandResult";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.shellData = $root.xdr.v1.ShellData.decode(reader, reader.size(), $undefined, _depth + 1, message.shellData);
                            message.body = "shellData";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.inventory = $root.xdr.v1.HostInventory.decode(reader, reader.size(), $undefined, _depth + 1, message.inventory);
                            message.body = "inventory";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an AgentFrame message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.AgentFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.AgentFrame & xdr.v1.AgentFrame.$Shape} AgentFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentFrame.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates an AgentFrame message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.AgentFrame
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.AgentFrame} AgentFrame
             */
            AgentFrame.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.AgentFrame)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.AgentFrame: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.AgentFrame();
                if (object.hello != null) {
                    if (!$util.isObject(object.hello))
                        throw $TypeError(".xdr.v1.AgentFrame.hello: object expected");
                    message.hello = $root.xdr.v1.Hello.fromObject(object.hello, _depth + 1);
                }
                if (object.enroll != null) {
                    if (!$util.isObject(object.enroll))
                        throw $TypeError(".xdr.v1.AgentFrame.enroll: object expected");
                    message.enroll = $root.xdr.v1.EnrollRequest.fromObject(object.enroll, _depth + 1);
                }
                if (object.batch != null) {
                    if (!$util.isObject(object.batch))
                        throw $TypeError(".xdr.v1.AgentFrame.batch: object expected");
                    message.batch = $root.xdr.v1.EventBatch.fromObject(object.batch, _depth + 1);
                }
                if (object.heartbeat != null) {
                    if (!$util.isObject(object.heartbeat))
                        throw $TypeError(".xdr.v1.AgentFrame.heartbeat: object expected");
                    message.heartbeat = $root.xdr.v1.Heartbeat.fromObject(object.heartbeat, _depth + 1);
                }
                if (object.commandResult != null) {
                    if (!$util.isObject(object.commandResult))
                        throw $TypeError(".xdr.v1.AgentFrame.commandResult: object expected");
                    message.commandResult = $root.xdr.v1.CommandResult.fromObject(object.commandResult, _depth + 1);
                }
                if (object.shellData != null) {
                    if (!$util.isObject(object.shellData))
                        throw $TypeError(".xdr.v1.AgentFrame.shellData: object expected");
                    message.shellData = $root.xdr.v1.ShellData.fromObject(object.shellData, _depth + 1);
                }
                if (object.inventory != null) {
                    if (!$util.isObject(object.inventory))
                        throw $TypeError(".xdr.v1.AgentFrame.inventory: object expected");
                    message.inventory = $root.xdr.v1.HostInventory.fromObject(object.inventory, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an AgentFrame message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.AgentFrame
             * @static
             * @param {xdr.v1.AgentFrame} message AgentFrame
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentFrame.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello")) {
                    object.hello = $root.xdr.v1.Hello.toObject(message.hello, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "hello";
                }
                if (message.enroll != null && $Object.hasOwnProperty.call(message, "enroll")) {
                    object.enroll = $root.xdr.v1.EnrollRequest.toObject(message.enroll, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "enroll";
                }
                if (message.batch != null && $Object.hasOwnProperty.call(message, "batch")) {
                    object.batch = $root.xdr.v1.EventBatch.toObject(message.batch, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "batch";
                }
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat")) {
                    object.heartbeat = $root.xdr.v1.Heartbeat.toObject(message.heartbeat, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "heartbeat";
                }
                if (message.commandResult != null && $Object.hasOwnProperty.call(message, "commandResult")) {
                    object.commandResult = $root.xdr.v1.CommandResult.toObject(message.commandResult, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "commandResult";
                }
                if (message.shellData != null && $Object.hasOwnProperty.call(message, "shellData")) {
                    object.shellData = $root.xdr.v1.ShellData.toObject(message.shellData, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "shellData";
                }
                if (message.inventory != null && $Object.hasOwnProperty.call(message, "inventory")) {
                    object.inventory = $root.xdr.v1.HostInventory.toObject(message.inventory, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "inventory";
                }
                return object;
            };

            /**
             * Converts this AgentFrame to JSON.
             * @function toJSON
             * @memberof xdr.v1.AgentFrame
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentFrame.prototype.toJSON = function() {
                return AgentFrame.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentFrame;
        })();

        v1.CollectorFrame = (function() {

            /**
             * Properties of a CollectorFrame.
             * @typedef {Object} xdr.v1.CollectorFrame.$Properties
             * @property {xdr.v1.Challenge.$Properties|null} [challenge] CollectorFrame challenge
             * @property {xdr.v1.Welcome.$Properties|null} [welcome] CollectorFrame welcome
             * @property {xdr.v1.Refusal.$Properties|null} [refusal] CollectorFrame refusal
             * @property {xdr.v1.EnrollResponse.$Properties|null} [enrolled] CollectorFrame enrolled
             * @property {xdr.v1.BatchAck.$Properties|null} [ack] CollectorFrame ack
             * @property {xdr.v1.Heartbeat.$Properties|null} [heartbeat] CollectorFrame heartbeat
             * @property {xdr.v1.Command.$Properties|null} [command] CollectorFrame command
             * @property {xdr.v1.ShellData.$Properties|null} [shellData] CollectorFrame shellData
             * @property {"challenge"|"welcome"|"refusal"|"enrolled"|"ack"|"heartbeat"|"command"|"shellData"} [body] CollectorFrame body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CollectorFrame.
             * @memberof xdr.v1
             * @interface ICollectorFrame
             * @augments xdr.v1.CollectorFrame.$Properties
             * @deprecated Use xdr.v1.CollectorFrame.$Properties instead.
             */

            /**
             * Narrowed shape of a CollectorFrame.
             * @typedef {{
             *   challenge?: xdr.v1.Challenge.$Shape|null;
             *   welcome?: xdr.v1.Welcome.$Shape|null;
             *   refusal?: xdr.v1.Refusal.$Shape|null;
             *   enrolled?: xdr.v1.EnrollResponse.$Shape|null;
             *   ack?: xdr.v1.BatchAck.$Shape|null;
             *   heartbeat?: xdr.v1.Heartbeat.$Shape|null;
             *   command?: xdr.v1.Command.$Shape|null;
             *   shellData?: xdr.v1.ShellData.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; challenge?: null; welcome?: null; refusal?: null; enrolled?: null; ack?: null; heartbeat?: null; command?: null; shellData?: null }|{ body?: "challenge"; challenge: xdr.v1.Challenge.$Shape; welcome?: null; refusal?: null; enrolled?: null; ack?: null; heartbeat?: null; command?: null; shellData?: null }|{ body?: "welcome"; challenge?: null; welcome: xdr.v1.Welcome.$Shape; refusal?: null; enrolled?: null; ack?: null; heartbeat?: null; command?: null; shellData?: null }|{ body?: "refusal"; challenge?: null; welcome?: null; refusal: xdr.v1.Refusal.$Shape; enrolled?: null; ack?: null; heartbeat?: null; command?: null; shellData?: null }|{ body?: "enrolled"; challenge?: null; welcome?: null; refusal?: null; enrolled: xdr.v1.EnrollResponse.$Shape; ack?: null; heartbeat?: null; command?: null; shellData?: null }|{ body?: "ack"; challenge?: null; welcome?: null; refusal?: null; enrolled?: null; ack: xdr.v1.BatchAck.$Shape; heartbeat?: null; command?: null; shellData?: null }|{ body?: "heartbeat"; challenge?: null; welcome?: null; refusal?: null; enrolled?: null; ack?: null; heartbeat: xdr.v1.Heartbeat.$Shape; command?: null; shellData?: null }|{ body?: "command"; challenge?: null; welcome?: null; refusal?: null; enrolled?: null; ack?: null; heartbeat?: null; command: xdr.v1.Command.$Shape; shellData?: null }|{ body?: "shellData"; challenge?: null; welcome?: null; refusal?: null; enrolled?: null; ack?: null; heartbeat?: null; command?: null; shellData: xdr.v1.ShellData.$Shape })
             * )} xdr.v1.CollectorFrame.$Shape
             */

            /**
             * Constructs a new CollectorFrame.
             * @memberof xdr.v1
             * @classdesc Represents a CollectorFrame.
             * @constructor
             * @param {xdr.v1.CollectorFrame.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CollectorFrame = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CollectorFrame challenge.
             * @member {xdr.v1.Challenge.$Properties|null|undefined} challenge
             * @memberof xdr.v1.CollectorFrame
             * @instance
             */
            CollectorFrame.prototype.challenge = null;

            /**
             * CollectorFrame welcome.
             * @member {xdr.v1.Welcome.$Properties|null|undefined} welcome
             * @memberof xdr.v1.CollectorFrame
             * @instance
             */
            CollectorFrame.prototype.welcome = null;

            /**
             * CollectorFrame refusal.
             * @member {xdr.v1.Refusal.$Properties|null|undefined} refusal
             * @memberof xdr.v1.CollectorFrame
             * @instance
             */
            CollectorFrame.prototype.refusal = null;

            /**
             * CollectorFrame enrolled.
             * @member {xdr.v1.EnrollResponse.$Properties|null|undefined} enrolled
             * @memberof xdr.v1.CollectorFrame
             * @instance
             */
            CollectorFrame.prototype.enrolled = null;

            /**
             * CollectorFrame ack.
             * @member {xdr.v1.BatchAck.$Properties|null|undefined} ack
             * @memberof xdr.v1.CollectorFrame
             * @instance
             */
            CollectorFrame.prototype.ack = null;

            /**
             * CollectorFrame heartbeat.
             * @member {xdr.v1.Heartbeat.$Properties|null|undefined} heartbeat
             * @memberof xdr.v1.CollectorFrame
             * @instance
             */
            CollectorFrame.prototype.heartbeat = null;

            /**
             * CollectorFrame command.
             * @member {xdr.v1.Command.$Properties|null|undefined} command
             * @memberof xdr.v1.CollectorFrame
             * @instance
             */
            CollectorFrame.prototype.command = null;

            /**
             * CollectorFrame shellData.
             * @member {xdr.v1.ShellData.$Properties|null|undefined} shellData
             * @memberof xdr.v1.CollectorFrame
             * @instance
             */
            CollectorFrame.prototype.shellData = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * CollectorFrame body.
             * @member {"challenge"|"welcome"|"refusal"|"enrolled"|"ack"|"heartbeat"|"command"|"shellData"|undefined} body
             * @memberof xdr.v1.CollectorFrame
             * @instance
             */
            $Object.defineProperty(CollectorFrame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["challenge", "welcome", "refusal", "enrolled", "ack", "heartbeat", "command", "shellData"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new CollectorFrame instance using the specified properties.
             * @function create
             * @memberof xdr.v1.CollectorFrame
             * @static
             * @param {xdr.v1.CollectorFrame.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.CollectorFrame} CollectorFrame instance
             * @type {{
             *   (properties: xdr.v1.CollectorFrame.$Shape): xdr.v1.CollectorFrame & xdr.v1.CollectorFrame.$Shape;
             *   (properties?: xdr.v1.CollectorFrame.$Properties): xdr.v1.CollectorFrame;
             * }}
             */
            CollectorFrame.create = function(properties) {
                return new CollectorFrame(properties);
            };

            /**
             * Encodes the specified CollectorFrame message. Does not implicitly {@link xdr.v1.CollectorFrame.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.CollectorFrame
             * @static
             * @param {xdr.v1.CollectorFrame.$Properties} message CollectorFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CollectorFrame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.challenge != null && $Object.hasOwnProperty.call(message, "challenge"))
                    $root.xdr.v1.Challenge.encode(message.challenge, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.welcome != null && $Object.hasOwnProperty.call(message, "welcome"))
                    $root.xdr.v1.Welcome.encode(message.welcome, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.refusal != null && $Object.hasOwnProperty.call(message, "refusal"))
                    $root.xdr.v1.Refusal.encode(message.refusal, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.enrolled != null && $Object.hasOwnProperty.call(message, "enrolled"))
                    $root.xdr.v1.EnrollResponse.encode(message.enrolled, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack"))
                    $root.xdr.v1.BatchAck.encode(message.ack, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat"))
                    $root.xdr.v1.Heartbeat.encode(message.heartbeat, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.command != null && $Object.hasOwnProperty.call(message, "command"))
                    $root.xdr.v1.Command.encode(message.command, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.shellData != null && $Object.hasOwnProperty.call(message, "shellData"))
                    $root.xdr.v1.ShellData.encode(message.shellData, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified CollectorFrame message, length delimited. Does not implicitly {@link xdr.v1.CollectorFrame.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.CollectorFrame
             * @static
             * @param {xdr.v1.CollectorFrame.$Properties} message CollectorFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CollectorFrame.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CollectorFrame message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.CollectorFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.CollectorFrame & xdr.v1.CollectorFrame.$Shape} CollectorFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CollectorFrame.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.CollectorFrame();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.challenge = $root.xdr.v1.Challenge.decode(reader, reader.size(), $undefined, _depth + 1, message.challenge);
                            message.body = "challenge";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.welcome = $root.xdr.v1.Welcome.decode(reader, reader.size(), $undefined, _depth + 1, message.welcome);
                            message.body = "welcome";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.refusal = $root.xdr.v1.Refusal.decode(reader, reader.size(), $undefined, _depth + 1, message.refusal);
                            message.body = "refusal";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.enrolled = $root.xdr.v1.EnrollResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.enrolled);
                            message.body = "enrolled";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.ack = $root.xdr.v1.BatchAck.decode(reader, reader.size(), $undefined, _depth + 1, message.ack);
                            message.body = "ack";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.heartbeat = $root.xdr.v1.Heartbeat.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeat);
                            message.body = "heartbeat";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.command = $root.xdr.v1.Command.decode(reader, reader.size(), $undefined, _depth + 1, message.command);
                            message.body = "command";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.shellData = $root.xdr.v1.ShellData.decode(reader, reader.size(), $undefined, _depth + 1, message.shellData);
                            message.body = "shellData";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a CollectorFrame message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.CollectorFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.CollectorFrame & xdr.v1.CollectorFrame.$Shape} CollectorFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CollectorFrame.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a CollectorFrame message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.CollectorFrame
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.CollectorFrame} CollectorFrame
             */
            CollectorFrame.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.CollectorFrame)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.CollectorFrame: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.CollectorFrame();
                if (object.challenge != null) {
                    if (!$util.isObject(object.challenge))
                        throw $TypeError(".xdr.v1.CollectorFrame.challenge: object expected");
                    message.challenge = $root.xdr.v1.Challenge.fromObject(object.challenge, _depth + 1);
                }
                if (object.welcome != null) {
                    if (!$util.isObject(object.welcome))
                        throw $TypeError(".xdr.v1.CollectorFrame.welcome: object expected");
                    message.welcome = $root.xdr.v1.Welcome.fromObject(object.welcome, _depth + 1);
                }
                if (object.refusal != null) {
                    if (!$util.isObject(object.refusal))
                        throw $TypeError(".xdr.v1.CollectorFrame.refusal: object expected");
                    message.refusal = $root.xdr.v1.Refusal.fromObject(object.refusal, _depth + 1);
                }
                if (object.enrolled != null) {
                    if (!$util.isObject(object.enrolled))
                        throw $TypeError(".xdr.v1.CollectorFrame.enrolled: object expected");
                    message.enrolled = $root.xdr.v1.EnrollResponse.fromObject(object.enrolled, _depth + 1);
                }
                if (object.ack != null) {
                    if (!$util.isObject(object.ack))
                        throw $TypeError(".xdr.v1.CollectorFrame.ack: object expected");
                    message.ack = $root.xdr.v1.BatchAck.fromObject(object.ack, _depth + 1);
                }
                if (object.heartbeat != null) {
                    if (!$util.isObject(object.heartbeat))
                        throw $TypeError(".xdr.v1.CollectorFrame.heartbeat: object expected");
                    message.heartbeat = $root.xdr.v1.Heartbeat.fromObject(object.heartbeat, _depth + 1);
                }
                if (object.command != null) {
                    if (!$util.isObject(object.command))
                        throw $TypeError(".xdr.v1.CollectorFrame.command: object expected");
                    message.command = $root.xdr.v1.Command.fromObject(object.command, _depth + 1);
                }
                if (object.shellData != null) {
                    if (!$util.isObject(object.shellData))
                        throw $TypeError(".xdr.v1.CollectorFrame.shellData: object expected");
                    message.shellData = $root.xdr.v1.ShellData.fromObject(object.shellData, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a CollectorFrame message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.CollectorFrame
             * @static
             * @param {xdr.v1.CollectorFrame} message CollectorFrame
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CollectorFrame.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.challenge != null && $Object.hasOwnProperty.call(message, "challenge")) {
                    object.challenge = $root.xdr.v1.Challenge.toObject(message.challenge, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "challenge";
                }
                if (message.welcome != null && $Object.hasOwnProperty.call(message, "welcome")) {
                    object.welcome = $root.xdr.v1.Welcome.toObject(message.welcome, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "welcome";
                }
                if (message.refusal != null && $Object.hasOwnProperty.call(message, "refusal")) {
                    object.refusal = $root.xdr.v1.Refusal.toObject(message.refusal, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "refusal";
                }
                if (message.enrolled != null && $Object.hasOwnProperty.call(message, "enrolled")) {
                    object.enrolled = $root.xdr.v1.EnrollResponse.toObject(message.enrolled, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "enrolled";
                }
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack")) {
                    object.ack = $root.xdr.v1.BatchAck.toObject(message.ack, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "ack";
                }
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat")) {
                    object.heartbeat = $root.xdr.v1.Heartbeat.toObject(message.heartbeat, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "heartbeat";
                }
                if (message.command != null && $Object.hasOwnProperty.call(message, "command")) {
                    object.command = $root.xdr.v1.Command.toObject(message.command, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "command";
                }
                if (message.shellData != null && $Object.hasOwnProperty.call(message, "shellData")) {
                    object.shellData = $root.xdr.v1.ShellData.toObject(message.shellData, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "shellData";
                }
                return object;
            };

            /**
             * Converts this CollectorFrame to JSON.
             * @function toJSON
             * @memberof xdr.v1.CollectorFrame
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CollectorFrame.prototype.toJSON = function() {
                return CollectorFrame.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CollectorFrame;
        })();

        v1.Challenge = (function() {

            /**
             * Properties of a Challenge.
             * @typedef {Object} xdr.v1.Challenge.$Properties
             * @property {number|null} [protocolVersion] Challenge protocolVersion
             * @property {Uint8Array|null} [nonce] Challenge nonce
             * @property {string|null} [collectorId] Challenge collectorId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Challenge.
             * @memberof xdr.v1
             * @interface IChallenge
             * @augments xdr.v1.Challenge.$Properties
             * @deprecated Use xdr.v1.Challenge.$Properties instead.
             */

            /**
             * Shape of a Challenge.
             * @typedef {xdr.v1.Challenge.$Properties} xdr.v1.Challenge.$Shape
             */

            /**
             * Constructs a new Challenge.
             * @memberof xdr.v1
             * @classdesc Represents a Challenge.
             * @constructor
             * @param {xdr.v1.Challenge.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Challenge = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Challenge protocolVersion.
             * @member {number} protocolVersion
             * @memberof xdr.v1.Challenge
             * @instance
             */
            Challenge.prototype.protocolVersion = 0;

            /**
             * Challenge nonce.
             * @member {Uint8Array} nonce
             * @memberof xdr.v1.Challenge
             * @instance
             */
            Challenge.prototype.nonce = $util.newBuffer([]);

            /**
             * Challenge collectorId.
             * @member {string} collectorId
             * @memberof xdr.v1.Challenge
             * @instance
             */
            Challenge.prototype.collectorId = "";

            /**
             * Creates a new Challenge instance using the specified properties.
             * @function create
             * @memberof xdr.v1.Challenge
             * @static
             * @param {xdr.v1.Challenge.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.Challenge} Challenge instance
             * @type {{
             *   (properties: xdr.v1.Challenge.$Shape): xdr.v1.Challenge & xdr.v1.Challenge.$Shape;
             *   (properties?: xdr.v1.Challenge.$Properties): xdr.v1.Challenge;
             * }}
             */
            Challenge.create = function(properties) {
                return new Challenge(properties);
            };

            /**
             * Encodes the specified Challenge message. Does not implicitly {@link xdr.v1.Challenge.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.Challenge
             * @static
             * @param {xdr.v1.Challenge.$Properties} message Challenge message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Challenge.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.nonce);
                if (message.collectorId != null && $Object.hasOwnProperty.call(message, "collectorId") && message.collectorId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.collectorId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Challenge message, length delimited. Does not implicitly {@link xdr.v1.Challenge.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.Challenge
             * @static
             * @param {xdr.v1.Challenge.$Properties} message Challenge message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Challenge.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Challenge message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.Challenge
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.Challenge & xdr.v1.Challenge.$Shape} Challenge
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Challenge.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.Challenge();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.collectorId = value;
                            else
                                delete message.collectorId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Challenge message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.Challenge
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.Challenge & xdr.v1.Challenge.$Shape} Challenge
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Challenge.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a Challenge message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.Challenge
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.Challenge} Challenge
             */
            Challenge.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.Challenge)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.Challenge: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.Challenge();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.nonce != null)
                    if (object.nonce.length)
                        if (typeof object.nonce === "string")
                            $util.base64.decode(object.nonce, message.nonce = $util.newBuffer($util.base64.length(object.nonce)), 0);
                        else if (object.nonce.length >= 0)
                            message.nonce = object.nonce;
                if (object.collectorId != null)
                    if (typeof object.collectorId !== "string" || object.collectorId.length)
                        message.collectorId = $String(object.collectorId);
                return message;
            };

            /**
             * Creates a plain object from a Challenge message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.Challenge
             * @static
             * @param {xdr.v1.Challenge} message Challenge
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Challenge.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    if (options.bytes === $String)
                        object.nonce = "";
                    else {
                        object.nonce = [];
                        if (options.bytes !== $Array)
                            object.nonce = $util.newBuffer(object.nonce);
                    }
                    object.collectorId = "";
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                    object.nonce = options.bytes === $String ? $util.base64.encode(message.nonce, 0, message.nonce.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.nonce) : message.nonce;
                if (message.collectorId != null && $Object.hasOwnProperty.call(message, "collectorId"))
                    object.collectorId = message.collectorId;
                return object;
            };

            /**
             * Converts this Challenge to JSON.
             * @function toJSON
             * @memberof xdr.v1.Challenge
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Challenge.prototype.toJSON = function() {
                return Challenge.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Challenge;
        })();

        v1.Hello = (function() {

            /**
             * Properties of a Hello.
             * @typedef {Object} xdr.v1.Hello.$Properties
             * @property {number|null} [protocolVersion] Hello protocolVersion
             * @property {string|null} [agentId] Hello agentId
             * @property {string|null} [agentVersion] Hello agentVersion
             * @property {xdr.v1.HostInventory.$Properties|null} [inventory] Hello inventory
             * @property {Uint8Array|null} [signature] Hello signature
             * @property {number|Long|null} [bootTimeMs] Hello bootTimeMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Hello.
             * @memberof xdr.v1
             * @interface IHello
             * @augments xdr.v1.Hello.$Properties
             * @deprecated Use xdr.v1.Hello.$Properties instead.
             */

            /**
             * Shape of a Hello.
             * @typedef {xdr.v1.Hello.$Properties} xdr.v1.Hello.$Shape
             */

            /**
             * Constructs a new Hello.
             * @memberof xdr.v1
             * @classdesc Represents a Hello.
             * @constructor
             * @param {xdr.v1.Hello.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Hello = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Hello protocolVersion.
             * @member {number} protocolVersion
             * @memberof xdr.v1.Hello
             * @instance
             */
            Hello.prototype.protocolVersion = 0;

            /**
             * Hello agentId.
             * @member {string} agentId
             * @memberof xdr.v1.Hello
             * @instance
             */
            Hello.prototype.agentId = "";

            /**
             * Hello agentVersion.
             * @member {string} agentVersion
             * @memberof xdr.v1.Hello
             * @instance
             */
            Hello.prototype.agentVersion = "";

            /**
             * Hello inventory.
             * @member {xdr.v1.HostInventory.$Properties|null|undefined} inventory
             * @memberof xdr.v1.Hello
             * @instance
             */
            Hello.prototype.inventory = null;

            /**
             * Hello signature.
             * @member {Uint8Array} signature
             * @memberof xdr.v1.Hello
             * @instance
             */
            Hello.prototype.signature = $util.newBuffer([]);

            /**
             * Hello bootTimeMs.
             * @member {number|Long} bootTimeMs
             * @memberof xdr.v1.Hello
             * @instance
             */
            Hello.prototype.bootTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Hello instance using the specified properties.
             * @function create
             * @memberof xdr.v1.Hello
             * @static
             * @param {xdr.v1.Hello.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.Hello} Hello instance
             * @type {{
             *   (properties: xdr.v1.Hello.$Shape): xdr.v1.Hello & xdr.v1.Hello.$Shape;
             *   (properties?: xdr.v1.Hello.$Properties): xdr.v1.Hello;
             * }}
             */
            Hello.create = function(properties) {
                return new Hello(properties);
            };

            /**
             * Encodes the specified Hello message. Does not implicitly {@link xdr.v1.Hello.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.Hello
             * @static
             * @param {xdr.v1.Hello.$Properties} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.agentId != null && $Object.hasOwnProperty.call(message, "agentId") && message.agentId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.agentId);
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion") && message.agentVersion !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.agentVersion);
                if (message.inventory != null && $Object.hasOwnProperty.call(message, "inventory"))
                    $root.xdr.v1.HostInventory.encode(message.inventory, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.signature);
                if (message.bootTimeMs != null && $Object.hasOwnProperty.call(message, "bootTimeMs") && (typeof message.bootTimeMs === "object" ? message.bootTimeMs.low || message.bootTimeMs.high : message.bootTimeMs !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.bootTimeMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Hello message, length delimited. Does not implicitly {@link xdr.v1.Hello.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.Hello
             * @static
             * @param {xdr.v1.Hello.$Properties} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.Hello & xdr.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.Hello();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.agentId = value;
                            else
                                delete message.agentId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.agentVersion = value;
                            else
                                delete message.agentVersion;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.inventory = $root.xdr.v1.HostInventory.decode(reader, reader.size(), $undefined, _depth + 1, message.inventory);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.bootTimeMs = value;
                            else
                                delete message.bootTimeMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Hello message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.Hello & xdr.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a Hello message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.Hello
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.Hello} Hello
             */
            Hello.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.Hello)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.Hello: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.Hello();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.agentId != null)
                    if (typeof object.agentId !== "string" || object.agentId.length)
                        message.agentId = $String(object.agentId);
                if (object.agentVersion != null)
                    if (typeof object.agentVersion !== "string" || object.agentVersion.length)
                        message.agentVersion = $String(object.agentVersion);
                if (object.inventory != null) {
                    if (!$util.isObject(object.inventory))
                        throw $TypeError(".xdr.v1.Hello.inventory: object expected");
                    message.inventory = $root.xdr.v1.HostInventory.fromObject(object.inventory, _depth + 1);
                }
                if (object.signature != null)
                    if (object.signature.length)
                        if (typeof object.signature === "string")
                            $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                        else if (object.signature.length >= 0)
                            message.signature = object.signature;
                if (object.bootTimeMs != null)
                    if (typeof object.bootTimeMs === "object" ? object.bootTimeMs.low || object.bootTimeMs.high : $Number(object.bootTimeMs) !== 0)
                        if ($util.Long)
                            message.bootTimeMs = $util.Long.fromValue(object.bootTimeMs, true);
                        else if (typeof object.bootTimeMs === "string")
                            message.bootTimeMs = $parseInt(object.bootTimeMs, 10);
                        else if (typeof object.bootTimeMs === "number")
                            message.bootTimeMs = object.bootTimeMs;
                        else if (typeof object.bootTimeMs === "object")
                            message.bootTimeMs = new $util.LongBits(object.bootTimeMs.low >>> 0, object.bootTimeMs.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a Hello message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.Hello
             * @static
             * @param {xdr.v1.Hello} message Hello
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Hello.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.agentId = "";
                    object.agentVersion = "";
                    object.inventory = null;
                    if (options.bytes === $String)
                        object.signature = "";
                    else {
                        object.signature = [];
                        if (options.bytes !== $Array)
                            object.signature = $util.newBuffer(object.signature);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.bootTimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.bootTimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.agentId != null && $Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion"))
                    object.agentVersion = message.agentVersion;
                if (message.inventory != null && $Object.hasOwnProperty.call(message, "inventory"))
                    object.inventory = $root.xdr.v1.HostInventory.toObject(message.inventory, options, _depth + 1);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
                if (message.bootTimeMs != null && $Object.hasOwnProperty.call(message, "bootTimeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.bootTimeMs = typeof message.bootTimeMs === "number" ? $BigInt(message.bootTimeMs) : $util.Long.fromBits(message.bootTimeMs.low >>> 0, message.bootTimeMs.high >>> 0, true).toBigInt();
                    else if (typeof message.bootTimeMs === "number")
                        object.bootTimeMs = options.longs === $String ? $String(message.bootTimeMs) : message.bootTimeMs;
                    else
                        object.bootTimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.bootTimeMs) : options.longs === $Number ? new $util.LongBits(message.bootTimeMs.low >>> 0, message.bootTimeMs.high >>> 0).toNumber(true) : message.bootTimeMs;
                return object;
            };

            /**
             * Converts this Hello to JSON.
             * @function toJSON
             * @memberof xdr.v1.Hello
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Hello.prototype.toJSON = function() {
                return Hello.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Hello;
        })();

        v1.HostInventory = (function() {

            /**
             * Properties of a HostInventory.
             * @typedef {Object} xdr.v1.HostInventory.$Properties
             * @property {string|null} [hostId] HostInventory hostId
             * @property {string|null} [hostname] HostInventory hostname
             * @property {string|null} [osName] HostInventory osName
             * @property {string|null} [osVersion] HostInventory osVersion
             * @property {string|null} [osPlatform] HostInventory osPlatform
             * @property {string|null} [kernel] HostInventory kernel
             * @property {string|null} [arch] HostInventory arch
             * @property {Array.<string>|null} [ips] HostInventory ips
             * @property {Array.<string>|null} [macs] HostInventory macs
             * @property {string|null} [cpuModel] HostInventory cpuModel
             * @property {number|null} [cpuCores] HostInventory cpuCores
             * @property {number|Long|null} [memoryBytes] HostInventory memoryBytes
             * @property {number|Long|null} [collectedAtMs] HostInventory collectedAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HostInventory.
             * @memberof xdr.v1
             * @interface IHostInventory
             * @augments xdr.v1.HostInventory.$Properties
             * @deprecated Use xdr.v1.HostInventory.$Properties instead.
             */

            /**
             * Shape of a HostInventory.
             * @typedef {xdr.v1.HostInventory.$Properties} xdr.v1.HostInventory.$Shape
             */

            /**
             * Constructs a new HostInventory.
             * @memberof xdr.v1
             * @classdesc Represents a HostInventory.
             * @constructor
             * @param {xdr.v1.HostInventory.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HostInventory = function (properties) {
                this.ips = [];
                this.macs = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HostInventory hostId.
             * @member {string} hostId
             * @memberof xdr.v1.HostInventory
             * @instance
             */
            HostInventory.prototype.hostId = "";

            /**
             * HostInventory hostname.
             * @member {string} hostname
             * @memberof xdr.v1.HostInventory
             * @instance
             */
            HostInventory.prototype.hostname = "";

            /**
             * HostInventory osName.
             * @member {string} osName
             * @memberof xdr.v1.HostInventory
             * @instance
             */
            HostInventory.prototype.osName = "";

            /**
             * HostInventory osVersion.
             * @member {string} osVersion
             * @memberof xdr.v1.HostInventory
             * @instance
             */
            HostInventory.prototype.osVersion = "";

            /**
             * HostInventory osPlatform.
             * @member {string} osPlatform
             * @memberof xdr.v1.HostInventory
             * @instance
             */
            HostInventory.prototype.osPlatform = "";

            /**
             * HostInventory kernel.
             * @member {string} kernel
             * @memberof xdr.v1.HostInventory
             * @instance
             */
            HostInventory.prototype.kernel = "";

            /**
             * HostInventory arch.
             * @member {string} arch
             * @memberof xdr.v1.HostInventory
             * @instance
             */
            HostInventory.prototype.arch = "";

            /**
             * HostInventory ips.
             * @member {Array.<string>} ips
             * @memberof xdr.v1.HostInventory
             * @instance
             */
            HostInventory.prototype.ips = $util.emptyArray;

            /**
             * HostInventory macs.
             * @member {Array.<string>} macs
             * @memberof xdr.v1.HostInventory
             * @instance
             */
            HostInventory.prototype.macs = $util.emptyArray;

            /**
             * HostInventory cpuModel.
             * @member {string} cpuModel
             * @memberof xdr.v1.HostInventory
             * @instance
             */
            HostInventory.prototype.cpuModel = "";

            /**
             * HostInventory cpuCores.
             * @member {number} cpuCores
             * @memberof xdr.v1.HostInventory
             * @instance
             */
            HostInventory.prototype.cpuCores = 0;

            /**
             * HostInventory memoryBytes.
             * @member {number|Long} memoryBytes
             * @memberof xdr.v1.HostInventory
             * @instance
             */
            HostInventory.prototype.memoryBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HostInventory collectedAtMs.
             * @member {number|Long} collectedAtMs
             * @memberof xdr.v1.HostInventory
             * @instance
             */
            HostInventory.prototype.collectedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new HostInventory instance using the specified properties.
             * @function create
             * @memberof xdr.v1.HostInventory
             * @static
             * @param {xdr.v1.HostInventory.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.HostInventory} HostInventory instance
             * @type {{
             *   (properties: xdr.v1.HostInventory.$Shape): xdr.v1.HostInventory & xdr.v1.HostInventory.$Shape;
             *   (properties?: xdr.v1.HostInventory.$Properties): xdr.v1.HostInventory;
             * }}
             */
            HostInventory.create = function(properties) {
                return new HostInventory(properties);
            };

            /**
             * Encodes the specified HostInventory message. Does not implicitly {@link xdr.v1.HostInventory.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.HostInventory
             * @static
             * @param {xdr.v1.HostInventory.$Properties} message HostInventory message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HostInventory.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.hostId != null && $Object.hasOwnProperty.call(message, "hostId") && message.hostId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.hostId);
                if (message.hostname != null && $Object.hasOwnProperty.call(message, "hostname") && message.hostname !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.hostname);
                if (message.osName != null && $Object.hasOwnProperty.call(message, "osName") && message.osName !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.osName);
                if (message.osVersion != null && $Object.hasOwnProperty.call(message, "osVersion") && message.osVersion !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.osVersion);
                if (message.osPlatform != null && $Object.hasOwnProperty.call(message, "osPlatform") && message.osPlatform !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.osPlatform);
                if (message.kernel != null && $Object.hasOwnProperty.call(message, "kernel") && message.kernel !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.kernel);
                if (message.arch != null && $Object.hasOwnProperty.call(message, "arch") && message.arch !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.arch);
                if (message.ips != null && message.ips.length)
                    for (let i = 0; i < message.ips.length; ++i)
                        writer.uint32(/* id 8, wireType 2 =*/66).string(message.ips[i]);
                if (message.macs != null && message.macs.length)
                    for (let i = 0; i < message.macs.length; ++i)
                        writer.uint32(/* id 9, wireType 2 =*/74).string(message.macs[i]);
                if (message.cpuModel != null && $Object.hasOwnProperty.call(message, "cpuModel") && message.cpuModel !== "")
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.cpuModel);
                if (message.cpuCores != null && $Object.hasOwnProperty.call(message, "cpuCores") && message.cpuCores !== 0)
                    writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.cpuCores);
                if (message.memoryBytes != null && $Object.hasOwnProperty.call(message, "memoryBytes") && (typeof message.memoryBytes === "object" ? message.memoryBytes.low || message.memoryBytes.high : message.memoryBytes !== 0))
                    writer.uint32(/* id 12, wireType 0 =*/96).uint64(message.memoryBytes);
                if (message.collectedAtMs != null && $Object.hasOwnProperty.call(message, "collectedAtMs") && (typeof message.collectedAtMs === "object" ? message.collectedAtMs.low || message.collectedAtMs.high : message.collectedAtMs !== 0))
                    writer.uint32(/* id 13, wireType 0 =*/104).uint64(message.collectedAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified HostInventory message, length delimited. Does not implicitly {@link xdr.v1.HostInventory.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.HostInventory
             * @static
             * @param {xdr.v1.HostInventory.$Properties} message HostInventory message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HostInventory.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a HostInventory message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.HostInventory
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.HostInventory & xdr.v1.HostInventory.$Shape} HostInventory
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HostInventory.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.HostInventory();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hostId = value;
                            else
                                delete message.hostId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hostname = value;
                            else
                                delete message.hostname;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.osName = value;
                            else
                                delete message.osName;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.osVersion = value;
                            else
                                delete message.osVersion;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.osPlatform = value;
                            else
                                delete message.osPlatform;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.kernel = value;
                            else
                                delete message.kernel;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.arch = value;
                            else
                                delete message.arch;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (!(message.ips && message.ips.length))
                                message.ips = [];
                            message.ips.push(reader.stringVerify());
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if (!(message.macs && message.macs.length))
                                message.macs = [];
                            message.macs.push(reader.stringVerify());
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.cpuModel = value;
                            else
                                delete message.cpuModel;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.cpuCores = value;
                            else
                                delete message.cpuCores;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.memoryBytes = value;
                            else
                                delete message.memoryBytes;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.collectedAtMs = value;
                            else
                                delete message.collectedAtMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a HostInventory message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.HostInventory
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.HostInventory & xdr.v1.HostInventory.$Shape} HostInventory
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HostInventory.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a HostInventory message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.HostInventory
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.HostInventory} HostInventory
             */
            HostInventory.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.HostInventory)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.HostInventory: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.HostInventory();
                if (object.hostId != null)
                    if (typeof object.hostId !== "string" || object.hostId.length)
                        message.hostId = $String(object.hostId);
                if (object.hostname != null)
                    if (typeof object.hostname !== "string" || object.hostname.length)
                        message.hostname = $String(object.hostname);
                if (object.osName != null)
                    if (typeof object.osName !== "string" || object.osName.length)
                        message.osName = $String(object.osName);
                if (object.osVersion != null)
                    if (typeof object.osVersion !== "string" || object.osVersion.length)
                        message.osVersion = $String(object.osVersion);
                if (object.osPlatform != null)
                    if (typeof object.osPlatform !== "string" || object.osPlatform.length)
                        message.osPlatform = $String(object.osPlatform);
                if (object.kernel != null)
                    if (typeof object.kernel !== "string" || object.kernel.length)
                        message.kernel = $String(object.kernel);
                if (object.arch != null)
                    if (typeof object.arch !== "string" || object.arch.length)
                        message.arch = $String(object.arch);
                if (object.ips) {
                    if (!$Array.isArray(object.ips))
                        throw $TypeError(".xdr.v1.HostInventory.ips: array expected");
                    message.ips = $Array(object.ips.length);
                    for (let i = 0; i < object.ips.length; ++i)
                        message.ips[i] = $String(object.ips[i]);
                }
                if (object.macs) {
                    if (!$Array.isArray(object.macs))
                        throw $TypeError(".xdr.v1.HostInventory.macs: array expected");
                    message.macs = $Array(object.macs.length);
                    for (let i = 0; i < object.macs.length; ++i)
                        message.macs[i] = $String(object.macs[i]);
                }
                if (object.cpuModel != null)
                    if (typeof object.cpuModel !== "string" || object.cpuModel.length)
                        message.cpuModel = $String(object.cpuModel);
                if (object.cpuCores != null)
                    if ($Number(object.cpuCores) !== 0)
                        message.cpuCores = object.cpuCores >>> 0;
                if (object.memoryBytes != null)
                    if (typeof object.memoryBytes === "object" ? object.memoryBytes.low || object.memoryBytes.high : $Number(object.memoryBytes) !== 0)
                        if ($util.Long)
                            message.memoryBytes = $util.Long.fromValue(object.memoryBytes, true);
                        else if (typeof object.memoryBytes === "string")
                            message.memoryBytes = $parseInt(object.memoryBytes, 10);
                        else if (typeof object.memoryBytes === "number")
                            message.memoryBytes = object.memoryBytes;
                        else if (typeof object.memoryBytes === "object")
                            message.memoryBytes = new $util.LongBits(object.memoryBytes.low >>> 0, object.memoryBytes.high >>> 0).toNumber(true);
                if (object.collectedAtMs != null)
                    if (typeof object.collectedAtMs === "object" ? object.collectedAtMs.low || object.collectedAtMs.high : $Number(object.collectedAtMs) !== 0)
                        if ($util.Long)
                            message.collectedAtMs = $util.Long.fromValue(object.collectedAtMs, true);
                        else if (typeof object.collectedAtMs === "string")
                            message.collectedAtMs = $parseInt(object.collectedAtMs, 10);
                        else if (typeof object.collectedAtMs === "number")
                            message.collectedAtMs = object.collectedAtMs;
                        else if (typeof object.collectedAtMs === "object")
                            message.collectedAtMs = new $util.LongBits(object.collectedAtMs.low >>> 0, object.collectedAtMs.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a HostInventory message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.HostInventory
             * @static
             * @param {xdr.v1.HostInventory} message HostInventory
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HostInventory.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.ips = [];
                    object.macs = [];
                }
                if (options.defaults) {
                    object.hostId = "";
                    object.hostname = "";
                    object.osName = "";
                    object.osVersion = "";
                    object.osPlatform = "";
                    object.kernel = "";
                    object.arch = "";
                    object.cpuModel = "";
                    object.cpuCores = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.memoryBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.memoryBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.collectedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.collectedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.hostId != null && $Object.hasOwnProperty.call(message, "hostId"))
                    object.hostId = message.hostId;
                if (message.hostname != null && $Object.hasOwnProperty.call(message, "hostname"))
                    object.hostname = message.hostname;
                if (message.osName != null && $Object.hasOwnProperty.call(message, "osName"))
                    object.osName = message.osName;
                if (message.osVersion != null && $Object.hasOwnProperty.call(message, "osVersion"))
                    object.osVersion = message.osVersion;
                if (message.osPlatform != null && $Object.hasOwnProperty.call(message, "osPlatform"))
                    object.osPlatform = message.osPlatform;
                if (message.kernel != null && $Object.hasOwnProperty.call(message, "kernel"))
                    object.kernel = message.kernel;
                if (message.arch != null && $Object.hasOwnProperty.call(message, "arch"))
                    object.arch = message.arch;
                if (message.ips && message.ips.length) {
                    object.ips = $Array(message.ips.length);
                    for (let j = 0; j < message.ips.length; ++j)
                        object.ips[j] = message.ips[j];
                }
                if (message.macs && message.macs.length) {
                    object.macs = $Array(message.macs.length);
                    for (let j = 0; j < message.macs.length; ++j)
                        object.macs[j] = message.macs[j];
                }
                if (message.cpuModel != null && $Object.hasOwnProperty.call(message, "cpuModel"))
                    object.cpuModel = message.cpuModel;
                if (message.cpuCores != null && $Object.hasOwnProperty.call(message, "cpuCores"))
                    object.cpuCores = message.cpuCores;
                if (message.memoryBytes != null && $Object.hasOwnProperty.call(message, "memoryBytes"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.memoryBytes = typeof message.memoryBytes === "number" ? $BigInt(message.memoryBytes) : $util.Long.fromBits(message.memoryBytes.low >>> 0, message.memoryBytes.high >>> 0, true).toBigInt();
                    else if (typeof message.memoryBytes === "number")
                        object.memoryBytes = options.longs === $String ? $String(message.memoryBytes) : message.memoryBytes;
                    else
                        object.memoryBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.memoryBytes) : options.longs === $Number ? new $util.LongBits(message.memoryBytes.low >>> 0, message.memoryBytes.high >>> 0).toNumber(true) : message.memoryBytes;
                if (message.collectedAtMs != null && $Object.hasOwnProperty.call(message, "collectedAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.collectedAtMs = typeof message.collectedAtMs === "number" ? $BigInt(message.collectedAtMs) : $util.Long.fromBits(message.collectedAtMs.low >>> 0, message.collectedAtMs.high >>> 0, true).toBigInt();
                    else if (typeof message.collectedAtMs === "number")
                        object.collectedAtMs = options.longs === $String ? $String(message.collectedAtMs) : message.collectedAtMs;
                    else
                        object.collectedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.collectedAtMs) : options.longs === $Number ? new $util.LongBits(message.collectedAtMs.low >>> 0, message.collectedAtMs.high >>> 0).toNumber(true) : message.collectedAtMs;
                return object;
            };

            /**
             * Converts this HostInventory to JSON.
             * @function toJSON
             * @memberof xdr.v1.HostInventory
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HostInventory.prototype.toJSON = function() {
                return HostInventory.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HostInventory;
        })();

        v1.EnrollRequest = (function() {

            /**
             * Properties of an EnrollRequest.
             * @typedef {Object} xdr.v1.EnrollRequest.$Properties
             * @property {number|null} [protocolVersion] EnrollRequest protocolVersion
             * @property {string|null} [token] EnrollRequest token
             * @property {Uint8Array|null} [publicKey] EnrollRequest publicKey
             * @property {xdr.v1.HostInventory.$Properties|null} [inventory] EnrollRequest inventory
             * @property {string|null} [agentVersion] EnrollRequest agentVersion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EnrollRequest.
             * @memberof xdr.v1
             * @interface IEnrollRequest
             * @augments xdr.v1.EnrollRequest.$Properties
             * @deprecated Use xdr.v1.EnrollRequest.$Properties instead.
             */

            /**
             * Shape of an EnrollRequest.
             * @typedef {xdr.v1.EnrollRequest.$Properties} xdr.v1.EnrollRequest.$Shape
             */

            /**
             * Constructs a new EnrollRequest.
             * @memberof xdr.v1
             * @classdesc Represents an EnrollRequest.
             * @constructor
             * @param {xdr.v1.EnrollRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EnrollRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EnrollRequest protocolVersion.
             * @member {number} protocolVersion
             * @memberof xdr.v1.EnrollRequest
             * @instance
             */
            EnrollRequest.prototype.protocolVersion = 0;

            /**
             * EnrollRequest token.
             * @member {string} token
             * @memberof xdr.v1.EnrollRequest
             * @instance
             */
            EnrollRequest.prototype.token = "";

            /**
             * EnrollRequest publicKey.
             * @member {Uint8Array} publicKey
             * @memberof xdr.v1.EnrollRequest
             * @instance
             */
            EnrollRequest.prototype.publicKey = $util.newBuffer([]);

            /**
             * EnrollRequest inventory.
             * @member {xdr.v1.HostInventory.$Properties|null|undefined} inventory
             * @memberof xdr.v1.EnrollRequest
             * @instance
             */
            EnrollRequest.prototype.inventory = null;

            /**
             * EnrollRequest agentVersion.
             * @member {string} agentVersion
             * @memberof xdr.v1.EnrollRequest
             * @instance
             */
            EnrollRequest.prototype.agentVersion = "";

            /**
             * Creates a new EnrollRequest instance using the specified properties.
             * @function create
             * @memberof xdr.v1.EnrollRequest
             * @static
             * @param {xdr.v1.EnrollRequest.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.EnrollRequest} EnrollRequest instance
             * @type {{
             *   (properties: xdr.v1.EnrollRequest.$Shape): xdr.v1.EnrollRequest & xdr.v1.EnrollRequest.$Shape;
             *   (properties?: xdr.v1.EnrollRequest.$Properties): xdr.v1.EnrollRequest;
             * }}
             */
            EnrollRequest.create = function(properties) {
                return new EnrollRequest(properties);
            };

            /**
             * Encodes the specified EnrollRequest message. Does not implicitly {@link xdr.v1.EnrollRequest.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.EnrollRequest
             * @static
             * @param {xdr.v1.EnrollRequest.$Properties} message EnrollRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EnrollRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.token);
                if (message.publicKey != null && $Object.hasOwnProperty.call(message, "publicKey") && message.publicKey.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.publicKey);
                if (message.inventory != null && $Object.hasOwnProperty.call(message, "inventory"))
                    $root.xdr.v1.HostInventory.encode(message.inventory, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion") && message.agentVersion !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.agentVersion);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified EnrollRequest message, length delimited. Does not implicitly {@link xdr.v1.EnrollRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.EnrollRequest
             * @static
             * @param {xdr.v1.EnrollRequest.$Properties} message EnrollRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EnrollRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an EnrollRequest message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.EnrollRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.EnrollRequest & xdr.v1.EnrollRequest.$Shape} EnrollRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EnrollRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.EnrollRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.token = value;
                            else
                                delete message.token;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.publicKey = value;
                            else
                                delete message.publicKey;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.inventory = $root.xdr.v1.HostInventory.decode(reader, reader.size(), $undefined, _depth + 1, message.inventory);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.agentVersion = value;
                            else
                                delete message.agentVersion;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an EnrollRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.EnrollRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.EnrollRequest & xdr.v1.EnrollRequest.$Shape} EnrollRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EnrollRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates an EnrollRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.EnrollRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.EnrollRequest} EnrollRequest
             */
            EnrollRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.EnrollRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.EnrollRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.EnrollRequest();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.token != null)
                    if (typeof object.token !== "string" || object.token.length)
                        message.token = $String(object.token);
                if (object.publicKey != null)
                    if (object.publicKey.length)
                        if (typeof object.publicKey === "string")
                            $util.base64.decode(object.publicKey, message.publicKey = $util.newBuffer($util.base64.length(object.publicKey)), 0);
                        else if (object.publicKey.length >= 0)
                            message.publicKey = object.publicKey;
                if (object.inventory != null) {
                    if (!$util.isObject(object.inventory))
                        throw $TypeError(".xdr.v1.EnrollRequest.inventory: object expected");
                    message.inventory = $root.xdr.v1.HostInventory.fromObject(object.inventory, _depth + 1);
                }
                if (object.agentVersion != null)
                    if (typeof object.agentVersion !== "string" || object.agentVersion.length)
                        message.agentVersion = $String(object.agentVersion);
                return message;
            };

            /**
             * Creates a plain object from an EnrollRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.EnrollRequest
             * @static
             * @param {xdr.v1.EnrollRequest} message EnrollRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EnrollRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.token = "";
                    if (options.bytes === $String)
                        object.publicKey = "";
                    else {
                        object.publicKey = [];
                        if (options.bytes !== $Array)
                            object.publicKey = $util.newBuffer(object.publicKey);
                    }
                    object.inventory = null;
                    object.agentVersion = "";
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.token != null && $Object.hasOwnProperty.call(message, "token"))
                    object.token = message.token;
                if (message.publicKey != null && $Object.hasOwnProperty.call(message, "publicKey"))
                    object.publicKey = options.bytes === $String ? $util.base64.encode(message.publicKey, 0, message.publicKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.publicKey) : message.publicKey;
                if (message.inventory != null && $Object.hasOwnProperty.call(message, "inventory"))
                    object.inventory = $root.xdr.v1.HostInventory.toObject(message.inventory, options, _depth + 1);
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion"))
                    object.agentVersion = message.agentVersion;
                return object;
            };

            /**
             * Converts this EnrollRequest to JSON.
             * @function toJSON
             * @memberof xdr.v1.EnrollRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EnrollRequest.prototype.toJSON = function() {
                return EnrollRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EnrollRequest;
        })();

        v1.EnrollResponse = (function() {

            /**
             * Properties of an EnrollResponse.
             * @typedef {Object} xdr.v1.EnrollResponse.$Properties
             * @property {string|null} [agentId] EnrollResponse agentId
             * @property {Uint8Array|null} [commandPublicKey] EnrollResponse commandPublicKey
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EnrollResponse.
             * @memberof xdr.v1
             * @interface IEnrollResponse
             * @augments xdr.v1.EnrollResponse.$Properties
             * @deprecated Use xdr.v1.EnrollResponse.$Properties instead.
             */

            /**
             * Shape of an EnrollResponse.
             * @typedef {xdr.v1.EnrollResponse.$Properties} xdr.v1.EnrollResponse.$Shape
             */

            /**
             * Constructs a new EnrollResponse.
             * @memberof xdr.v1
             * @classdesc Represents an EnrollResponse.
             * @constructor
             * @param {xdr.v1.EnrollResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EnrollResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EnrollResponse agentId.
             * @member {string} agentId
             * @memberof xdr.v1.EnrollResponse
             * @instance
             */
            EnrollResponse.prototype.agentId = "";

            /**
             * EnrollResponse commandPublicKey.
             * @member {Uint8Array} commandPublicKey
             * @memberof xdr.v1.EnrollResponse
             * @instance
             */
            EnrollResponse.prototype.commandPublicKey = $util.newBuffer([]);

            /**
             * Creates a new EnrollResponse instance using the specified properties.
             * @function create
             * @memberof xdr.v1.EnrollResponse
             * @static
             * @param {xdr.v1.EnrollResponse.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.EnrollResponse} EnrollResponse instance
             * @type {{
             *   (properties: xdr.v1.EnrollResponse.$Shape): xdr.v1.EnrollResponse & xdr.v1.EnrollResponse.$Shape;
             *   (properties?: xdr.v1.EnrollResponse.$Properties): xdr.v1.EnrollResponse;
             * }}
             */
            EnrollResponse.create = function(properties) {
                return new EnrollResponse(properties);
            };

            /**
             * Encodes the specified EnrollResponse message. Does not implicitly {@link xdr.v1.EnrollResponse.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.EnrollResponse
             * @static
             * @param {xdr.v1.EnrollResponse.$Properties} message EnrollResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EnrollResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.agentId != null && $Object.hasOwnProperty.call(message, "agentId") && message.agentId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.agentId);
                if (message.commandPublicKey != null && $Object.hasOwnProperty.call(message, "commandPublicKey") && message.commandPublicKey.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.commandPublicKey);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified EnrollResponse message, length delimited. Does not implicitly {@link xdr.v1.EnrollResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.EnrollResponse
             * @static
             * @param {xdr.v1.EnrollResponse.$Properties} message EnrollResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EnrollResponse.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an EnrollResponse message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.EnrollResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.EnrollResponse & xdr.v1.EnrollResponse.$Shape} EnrollResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EnrollResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.EnrollResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.agentId = value;
                            else
                                delete message.agentId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.commandPublicKey = value;
                            else
                                delete message.commandPublicKey;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an EnrollResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.EnrollResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.EnrollResponse & xdr.v1.EnrollResponse.$Shape} EnrollResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EnrollResponse.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates an EnrollResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.EnrollResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.EnrollResponse} EnrollResponse
             */
            EnrollResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.EnrollResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.EnrollResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.EnrollResponse();
                if (object.agentId != null)
                    if (typeof object.agentId !== "string" || object.agentId.length)
                        message.agentId = $String(object.agentId);
                if (object.commandPublicKey != null)
                    if (object.commandPublicKey.length)
                        if (typeof object.commandPublicKey === "string")
                            $util.base64.decode(object.commandPublicKey, message.commandPublicKey = $util.newBuffer($util.base64.length(object.commandPublicKey)), 0);
                        else if (object.commandPublicKey.length >= 0)
                            message.commandPublicKey = object.commandPublicKey;
                return message;
            };

            /**
             * Creates a plain object from an EnrollResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.EnrollResponse
             * @static
             * @param {xdr.v1.EnrollResponse} message EnrollResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EnrollResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.agentId = "";
                    if (options.bytes === $String)
                        object.commandPublicKey = "";
                    else {
                        object.commandPublicKey = [];
                        if (options.bytes !== $Array)
                            object.commandPublicKey = $util.newBuffer(object.commandPublicKey);
                    }
                }
                if (message.agentId != null && $Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                if (message.commandPublicKey != null && $Object.hasOwnProperty.call(message, "commandPublicKey"))
                    object.commandPublicKey = options.bytes === $String ? $util.base64.encode(message.commandPublicKey, 0, message.commandPublicKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.commandPublicKey) : message.commandPublicKey;
                return object;
            };

            /**
             * Converts this EnrollResponse to JSON.
             * @function toJSON
             * @memberof xdr.v1.EnrollResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EnrollResponse.prototype.toJSON = function() {
                return EnrollResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EnrollResponse;
        })();

        v1.Welcome = (function() {

            /**
             * Properties of a Welcome.
             * @typedef {Object} xdr.v1.Welcome.$Properties
             * @property {string|null} [sessionId] Welcome sessionId
             * @property {number|null} [heartbeatIntervalMs] Welcome heartbeatIntervalMs
             * @property {number|null} [maxFrameBytes] Welcome maxFrameBytes
             * @property {boolean|null} [isolated] Welcome isolated
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Welcome.
             * @memberof xdr.v1
             * @interface IWelcome
             * @augments xdr.v1.Welcome.$Properties
             * @deprecated Use xdr.v1.Welcome.$Properties instead.
             */

            /**
             * Shape of a Welcome.
             * @typedef {xdr.v1.Welcome.$Properties} xdr.v1.Welcome.$Shape
             */

            /**
             * Constructs a new Welcome.
             * @memberof xdr.v1
             * @classdesc Represents a Welcome.
             * @constructor
             * @param {xdr.v1.Welcome.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Welcome = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Welcome sessionId.
             * @member {string} sessionId
             * @memberof xdr.v1.Welcome
             * @instance
             */
            Welcome.prototype.sessionId = "";

            /**
             * Welcome heartbeatIntervalMs.
             * @member {number} heartbeatIntervalMs
             * @memberof xdr.v1.Welcome
             * @instance
             */
            Welcome.prototype.heartbeatIntervalMs = 0;

            /**
             * Welcome maxFrameBytes.
             * @member {number} maxFrameBytes
             * @memberof xdr.v1.Welcome
             * @instance
             */
            Welcome.prototype.maxFrameBytes = 0;

            /**
             * Welcome isolated.
             * @member {boolean} isolated
             * @memberof xdr.v1.Welcome
             * @instance
             */
            Welcome.prototype.isolated = false;

            /**
             * Creates a new Welcome instance using the specified properties.
             * @function create
             * @memberof xdr.v1.Welcome
             * @static
             * @param {xdr.v1.Welcome.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.Welcome} Welcome instance
             * @type {{
             *   (properties: xdr.v1.Welcome.$Shape): xdr.v1.Welcome & xdr.v1.Welcome.$Shape;
             *   (properties?: xdr.v1.Welcome.$Properties): xdr.v1.Welcome;
             * }}
             */
            Welcome.create = function(properties) {
                return new Welcome(properties);
            };

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link xdr.v1.Welcome.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.Welcome
             * @static
             * @param {xdr.v1.Welcome.$Properties} message Welcome message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Welcome.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                if (message.heartbeatIntervalMs != null && $Object.hasOwnProperty.call(message, "heartbeatIntervalMs") && message.heartbeatIntervalMs !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.heartbeatIntervalMs);
                if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes") && message.maxFrameBytes !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.maxFrameBytes);
                if (message.isolated != null && $Object.hasOwnProperty.call(message, "isolated") && message.isolated !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.isolated);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Welcome message, length delimited. Does not implicitly {@link xdr.v1.Welcome.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.Welcome
             * @static
             * @param {xdr.v1.Welcome.$Properties} message Welcome message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Welcome.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.Welcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.Welcome & xdr.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Welcome.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.Welcome();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sessionId = value;
                            else
                                delete message.sessionId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.heartbeatIntervalMs = value;
                            else
                                delete message.heartbeatIntervalMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxFrameBytes = value;
                            else
                                delete message.maxFrameBytes;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.isolated = value;
                            else
                                delete message.isolated;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Welcome message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.Welcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.Welcome & xdr.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Welcome.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a Welcome message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.Welcome
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.Welcome} Welcome
             */
            Welcome.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.Welcome)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.Welcome: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.Welcome();
                if (object.sessionId != null)
                    if (typeof object.sessionId !== "string" || object.sessionId.length)
                        message.sessionId = $String(object.sessionId);
                if (object.heartbeatIntervalMs != null)
                    if ($Number(object.heartbeatIntervalMs) !== 0)
                        message.heartbeatIntervalMs = object.heartbeatIntervalMs >>> 0;
                if (object.maxFrameBytes != null)
                    if ($Number(object.maxFrameBytes) !== 0)
                        message.maxFrameBytes = object.maxFrameBytes >>> 0;
                if (object.isolated != null)
                    if (object.isolated)
                        message.isolated = $Boolean(object.isolated);
                return message;
            };

            /**
             * Creates a plain object from a Welcome message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.Welcome
             * @static
             * @param {xdr.v1.Welcome} message Welcome
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Welcome.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.sessionId = "";
                    object.heartbeatIntervalMs = 0;
                    object.maxFrameBytes = 0;
                    object.isolated = false;
                }
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    object.sessionId = message.sessionId;
                if (message.heartbeatIntervalMs != null && $Object.hasOwnProperty.call(message, "heartbeatIntervalMs"))
                    object.heartbeatIntervalMs = message.heartbeatIntervalMs;
                if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes"))
                    object.maxFrameBytes = message.maxFrameBytes;
                if (message.isolated != null && $Object.hasOwnProperty.call(message, "isolated"))
                    object.isolated = message.isolated;
                return object;
            };

            /**
             * Converts this Welcome to JSON.
             * @function toJSON
             * @memberof xdr.v1.Welcome
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Welcome.prototype.toJSON = function() {
                return Welcome.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Welcome;
        })();

        v1.Refusal = (function() {

            /**
             * Properties of a Refusal.
             * @typedef {Object} xdr.v1.Refusal.$Properties
             * @property {string|null} [code] Refusal code
             * @property {string|null} [reason] Refusal reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Refusal.
             * @memberof xdr.v1
             * @interface IRefusal
             * @augments xdr.v1.Refusal.$Properties
             * @deprecated Use xdr.v1.Refusal.$Properties instead.
             */

            /**
             * Shape of a Refusal.
             * @typedef {xdr.v1.Refusal.$Properties} xdr.v1.Refusal.$Shape
             */

            /**
             * Constructs a new Refusal.
             * @memberof xdr.v1
             * @classdesc Represents a Refusal.
             * @constructor
             * @param {xdr.v1.Refusal.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Refusal = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Refusal code.
             * @member {string} code
             * @memberof xdr.v1.Refusal
             * @instance
             */
            Refusal.prototype.code = "";

            /**
             * Refusal reason.
             * @member {string} reason
             * @memberof xdr.v1.Refusal
             * @instance
             */
            Refusal.prototype.reason = "";

            /**
             * Creates a new Refusal instance using the specified properties.
             * @function create
             * @memberof xdr.v1.Refusal
             * @static
             * @param {xdr.v1.Refusal.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.Refusal} Refusal instance
             * @type {{
             *   (properties: xdr.v1.Refusal.$Shape): xdr.v1.Refusal & xdr.v1.Refusal.$Shape;
             *   (properties?: xdr.v1.Refusal.$Properties): xdr.v1.Refusal;
             * }}
             */
            Refusal.create = function(properties) {
                return new Refusal(properties);
            };

            /**
             * Encodes the specified Refusal message. Does not implicitly {@link xdr.v1.Refusal.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.Refusal
             * @static
             * @param {xdr.v1.Refusal.$Properties} message Refusal message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Refusal.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Refusal message, length delimited. Does not implicitly {@link xdr.v1.Refusal.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.Refusal
             * @static
             * @param {xdr.v1.Refusal.$Properties} message Refusal message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Refusal.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Refusal message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.Refusal
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.Refusal & xdr.v1.Refusal.$Shape} Refusal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Refusal.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.Refusal();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Refusal message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.Refusal
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.Refusal & xdr.v1.Refusal.$Shape} Refusal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Refusal.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a Refusal message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.Refusal
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.Refusal} Refusal
             */
            Refusal.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.Refusal)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.Refusal: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.Refusal();
                if (object.code != null)
                    if (typeof object.code !== "string" || object.code.length)
                        message.code = $String(object.code);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                return message;
            };

            /**
             * Creates a plain object from a Refusal message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.Refusal
             * @static
             * @param {xdr.v1.Refusal} message Refusal
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Refusal.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = "";
                    object.reason = "";
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                return object;
            };

            /**
             * Converts this Refusal to JSON.
             * @function toJSON
             * @memberof xdr.v1.Refusal
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Refusal.prototype.toJSON = function() {
                return Refusal.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Refusal;
        })();

        v1.Heartbeat = (function() {

            /**
             * Properties of a Heartbeat.
             * @typedef {Object} xdr.v1.Heartbeat.$Properties
             * @property {number|Long|null} [sentAtMs] Heartbeat sentAtMs
             * @property {xdr.v1.AgentStats.$Properties|null} [stats] Heartbeat stats
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Heartbeat.
             * @memberof xdr.v1
             * @interface IHeartbeat
             * @augments xdr.v1.Heartbeat.$Properties
             * @deprecated Use xdr.v1.Heartbeat.$Properties instead.
             */

            /**
             * Shape of a Heartbeat.
             * @typedef {xdr.v1.Heartbeat.$Properties} xdr.v1.Heartbeat.$Shape
             */

            /**
             * Constructs a new Heartbeat.
             * @memberof xdr.v1
             * @classdesc Represents a Heartbeat.
             * @constructor
             * @param {xdr.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Heartbeat = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Heartbeat sentAtMs.
             * @member {number|Long} sentAtMs
             * @memberof xdr.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Heartbeat stats.
             * @member {xdr.v1.AgentStats.$Properties|null|undefined} stats
             * @memberof xdr.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.stats = null;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @function create
             * @memberof xdr.v1.Heartbeat
             * @static
             * @param {xdr.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.Heartbeat} Heartbeat instance
             * @type {{
             *   (properties: xdr.v1.Heartbeat.$Shape): xdr.v1.Heartbeat & xdr.v1.Heartbeat.$Shape;
             *   (properties?: xdr.v1.Heartbeat.$Properties): xdr.v1.Heartbeat;
             * }}
             */
            Heartbeat.create = function(properties) {
                return new Heartbeat(properties);
            };

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link xdr.v1.Heartbeat.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.Heartbeat
             * @static
             * @param {xdr.v1.Heartbeat.$Properties} message Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs") && (typeof message.sentAtMs === "object" ? message.sentAtMs.low || message.sentAtMs.high : message.sentAtMs !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.sentAtMs);
                if (message.stats != null && $Object.hasOwnProperty.call(message, "stats"))
                    $root.xdr.v1.AgentStats.encode(message.stats, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Heartbeat message, length delimited. Does not implicitly {@link xdr.v1.Heartbeat.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.Heartbeat
             * @static
             * @param {xdr.v1.Heartbeat.$Properties} message Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.Heartbeat & xdr.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.Heartbeat();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sentAtMs = value;
                            else
                                delete message.sentAtMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.stats = $root.xdr.v1.AgentStats.decode(reader, reader.size(), $undefined, _depth + 1, message.stats);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.Heartbeat & xdr.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.Heartbeat
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.Heartbeat} Heartbeat
             */
            Heartbeat.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.Heartbeat)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.Heartbeat: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.Heartbeat();
                if (object.sentAtMs != null)
                    if (typeof object.sentAtMs === "object" ? object.sentAtMs.low || object.sentAtMs.high : $Number(object.sentAtMs) !== 0)
                        if ($util.Long)
                            message.sentAtMs = $util.Long.fromValue(object.sentAtMs, true);
                        else if (typeof object.sentAtMs === "string")
                            message.sentAtMs = $parseInt(object.sentAtMs, 10);
                        else if (typeof object.sentAtMs === "number")
                            message.sentAtMs = object.sentAtMs;
                        else if (typeof object.sentAtMs === "object")
                            message.sentAtMs = new $util.LongBits(object.sentAtMs.low >>> 0, object.sentAtMs.high >>> 0).toNumber(true);
                if (object.stats != null) {
                    if (!$util.isObject(object.stats))
                        throw $TypeError(".xdr.v1.Heartbeat.stats: object expected");
                    message.stats = $root.xdr.v1.AgentStats.fromObject(object.stats, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.Heartbeat
             * @static
             * @param {xdr.v1.Heartbeat} message Heartbeat
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Heartbeat.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sentAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sentAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.stats = null;
                }
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sentAtMs = typeof message.sentAtMs === "number" ? $BigInt(message.sentAtMs) : $util.Long.fromBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0, true).toBigInt();
                    else if (typeof message.sentAtMs === "number")
                        object.sentAtMs = options.longs === $String ? $String(message.sentAtMs) : message.sentAtMs;
                    else
                        object.sentAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.sentAtMs) : options.longs === $Number ? new $util.LongBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0).toNumber(true) : message.sentAtMs;
                if (message.stats != null && $Object.hasOwnProperty.call(message, "stats"))
                    object.stats = $root.xdr.v1.AgentStats.toObject(message.stats, options, _depth + 1);
                return object;
            };

            /**
             * Converts this Heartbeat to JSON.
             * @function toJSON
             * @memberof xdr.v1.Heartbeat
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Heartbeat.prototype.toJSON = function() {
                return Heartbeat.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Heartbeat;
        })();

        v1.AgentStats = (function() {

            /**
             * Properties of an AgentStats.
             * @typedef {Object} xdr.v1.AgentStats.$Properties
             * @property {number|Long|null} [spoolBytes] AgentStats spoolBytes
             * @property {number|null} [spoolBatches] AgentStats spoolBatches
             * @property {number|Long|null} [spoolDroppedBatches] AgentStats spoolDroppedBatches
             * @property {number|Long|null} [spoolDroppedEvents] AgentStats spoolDroppedEvents
             * @property {number|Long|null} [eventsGenerated] AgentStats eventsGenerated
             * @property {number|Long|null} [sensorEventsLost] AgentStats sensorEventsLost
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AgentStats.
             * @memberof xdr.v1
             * @interface IAgentStats
             * @augments xdr.v1.AgentStats.$Properties
             * @deprecated Use xdr.v1.AgentStats.$Properties instead.
             */

            /**
             * Shape of an AgentStats.
             * @typedef {xdr.v1.AgentStats.$Properties} xdr.v1.AgentStats.$Shape
             */

            /**
             * Constructs a new AgentStats.
             * @memberof xdr.v1
             * @classdesc Represents an AgentStats.
             * @constructor
             * @param {xdr.v1.AgentStats.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AgentStats = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AgentStats spoolBytes.
             * @member {number|Long} spoolBytes
             * @memberof xdr.v1.AgentStats
             * @instance
             */
            AgentStats.prototype.spoolBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AgentStats spoolBatches.
             * @member {number} spoolBatches
             * @memberof xdr.v1.AgentStats
             * @instance
             */
            AgentStats.prototype.spoolBatches = 0;

            /**
             * AgentStats spoolDroppedBatches.
             * @member {number|Long} spoolDroppedBatches
             * @memberof xdr.v1.AgentStats
             * @instance
             */
            AgentStats.prototype.spoolDroppedBatches = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AgentStats spoolDroppedEvents.
             * @member {number|Long} spoolDroppedEvents
             * @memberof xdr.v1.AgentStats
             * @instance
             */
            AgentStats.prototype.spoolDroppedEvents = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AgentStats eventsGenerated.
             * @member {number|Long} eventsGenerated
             * @memberof xdr.v1.AgentStats
             * @instance
             */
            AgentStats.prototype.eventsGenerated = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AgentStats sensorEventsLost.
             * @member {number|Long} sensorEventsLost
             * @memberof xdr.v1.AgentStats
             * @instance
             */
            AgentStats.prototype.sensorEventsLost = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new AgentStats instance using the specified properties.
             * @function create
             * @memberof xdr.v1.AgentStats
             * @static
             * @param {xdr.v1.AgentStats.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.AgentStats} AgentStats instance
             * @type {{
             *   (properties: xdr.v1.AgentStats.$Shape): xdr.v1.AgentStats & xdr.v1.AgentStats.$Shape;
             *   (properties?: xdr.v1.AgentStats.$Properties): xdr.v1.AgentStats;
             * }}
             */
            AgentStats.create = function(properties) {
                return new AgentStats(properties);
            };

            /**
             * Encodes the specified AgentStats message. Does not implicitly {@link xdr.v1.AgentStats.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.AgentStats
             * @static
             * @param {xdr.v1.AgentStats.$Properties} message AgentStats message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentStats.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.spoolBytes != null && $Object.hasOwnProperty.call(message, "spoolBytes") && (typeof message.spoolBytes === "object" ? message.spoolBytes.low || message.spoolBytes.high : message.spoolBytes !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.spoolBytes);
                if (message.spoolBatches != null && $Object.hasOwnProperty.call(message, "spoolBatches") && message.spoolBatches !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.spoolBatches);
                if (message.spoolDroppedBatches != null && $Object.hasOwnProperty.call(message, "spoolDroppedBatches") && (typeof message.spoolDroppedBatches === "object" ? message.spoolDroppedBatches.low || message.spoolDroppedBatches.high : message.spoolDroppedBatches !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.spoolDroppedBatches);
                if (message.spoolDroppedEvents != null && $Object.hasOwnProperty.call(message, "spoolDroppedEvents") && (typeof message.spoolDroppedEvents === "object" ? message.spoolDroppedEvents.low || message.spoolDroppedEvents.high : message.spoolDroppedEvents !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.spoolDroppedEvents);
                if (message.eventsGenerated != null && $Object.hasOwnProperty.call(message, "eventsGenerated") && (typeof message.eventsGenerated === "object" ? message.eventsGenerated.low || message.eventsGenerated.high : message.eventsGenerated !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.eventsGenerated);
                if (message.sensorEventsLost != null && $Object.hasOwnProperty.call(message, "sensorEventsLost") && (typeof message.sensorEventsLost === "object" ? message.sensorEventsLost.low || message.sensorEventsLost.high : message.sensorEventsLost !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.sensorEventsLost);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified AgentStats message, length delimited. Does not implicitly {@link xdr.v1.AgentStats.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.AgentStats
             * @static
             * @param {xdr.v1.AgentStats.$Properties} message AgentStats message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentStats.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AgentStats message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.AgentStats
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.AgentStats & xdr.v1.AgentStats.$Shape} AgentStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentStats.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.AgentStats();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.spoolBytes = value;
                            else
                                delete message.spoolBytes;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.spoolBatches = value;
                            else
                                delete message.spoolBatches;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.spoolDroppedBatches = value;
                            else
                                delete message.spoolDroppedBatches;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.spoolDroppedEvents = value;
                            else
                                delete message.spoolDroppedEvents;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.eventsGenerated = value;
                            else
                                delete message.eventsGenerated;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sensorEventsLost = value;
                            else
                                delete message.sensorEventsLost;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an AgentStats message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.AgentStats
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.AgentStats & xdr.v1.AgentStats.$Shape} AgentStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentStats.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates an AgentStats message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.AgentStats
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.AgentStats} AgentStats
             */
            AgentStats.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.AgentStats)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.AgentStats: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.AgentStats();
                if (object.spoolBytes != null)
                    if (typeof object.spoolBytes === "object" ? object.spoolBytes.low || object.spoolBytes.high : $Number(object.spoolBytes) !== 0)
                        if ($util.Long)
                            message.spoolBytes = $util.Long.fromValue(object.spoolBytes, true);
                        else if (typeof object.spoolBytes === "string")
                            message.spoolBytes = $parseInt(object.spoolBytes, 10);
                        else if (typeof object.spoolBytes === "number")
                            message.spoolBytes = object.spoolBytes;
                        else if (typeof object.spoolBytes === "object")
                            message.spoolBytes = new $util.LongBits(object.spoolBytes.low >>> 0, object.spoolBytes.high >>> 0).toNumber(true);
                if (object.spoolBatches != null)
                    if ($Number(object.spoolBatches) !== 0)
                        message.spoolBatches = object.spoolBatches >>> 0;
                if (object.spoolDroppedBatches != null)
                    if (typeof object.spoolDroppedBatches === "object" ? object.spoolDroppedBatches.low || object.spoolDroppedBatches.high : $Number(object.spoolDroppedBatches) !== 0)
                        if ($util.Long)
                            message.spoolDroppedBatches = $util.Long.fromValue(object.spoolDroppedBatches, true);
                        else if (typeof object.spoolDroppedBatches === "string")
                            message.spoolDroppedBatches = $parseInt(object.spoolDroppedBatches, 10);
                        else if (typeof object.spoolDroppedBatches === "number")
                            message.spoolDroppedBatches = object.spoolDroppedBatches;
                        else if (typeof object.spoolDroppedBatches === "object")
                            message.spoolDroppedBatches = new $util.LongBits(object.spoolDroppedBatches.low >>> 0, object.spoolDroppedBatches.high >>> 0).toNumber(true);
                if (object.spoolDroppedEvents != null)
                    if (typeof object.spoolDroppedEvents === "object" ? object.spoolDroppedEvents.low || object.spoolDroppedEvents.high : $Number(object.spoolDroppedEvents) !== 0)
                        if ($util.Long)
                            message.spoolDroppedEvents = $util.Long.fromValue(object.spoolDroppedEvents, true);
                        else if (typeof object.spoolDroppedEvents === "string")
                            message.spoolDroppedEvents = $parseInt(object.spoolDroppedEvents, 10);
                        else if (typeof object.spoolDroppedEvents === "number")
                            message.spoolDroppedEvents = object.spoolDroppedEvents;
                        else if (typeof object.spoolDroppedEvents === "object")
                            message.spoolDroppedEvents = new $util.LongBits(object.spoolDroppedEvents.low >>> 0, object.spoolDroppedEvents.high >>> 0).toNumber(true);
                if (object.eventsGenerated != null)
                    if (typeof object.eventsGenerated === "object" ? object.eventsGenerated.low || object.eventsGenerated.high : $Number(object.eventsGenerated) !== 0)
                        if ($util.Long)
                            message.eventsGenerated = $util.Long.fromValue(object.eventsGenerated, true);
                        else if (typeof object.eventsGenerated === "string")
                            message.eventsGenerated = $parseInt(object.eventsGenerated, 10);
                        else if (typeof object.eventsGenerated === "number")
                            message.eventsGenerated = object.eventsGenerated;
                        else if (typeof object.eventsGenerated === "object")
                            message.eventsGenerated = new $util.LongBits(object.eventsGenerated.low >>> 0, object.eventsGenerated.high >>> 0).toNumber(true);
                if (object.sensorEventsLost != null)
                    if (typeof object.sensorEventsLost === "object" ? object.sensorEventsLost.low || object.sensorEventsLost.high : $Number(object.sensorEventsLost) !== 0)
                        if ($util.Long)
                            message.sensorEventsLost = $util.Long.fromValue(object.sensorEventsLost, true);
                        else if (typeof object.sensorEventsLost === "string")
                            message.sensorEventsLost = $parseInt(object.sensorEventsLost, 10);
                        else if (typeof object.sensorEventsLost === "number")
                            message.sensorEventsLost = object.sensorEventsLost;
                        else if (typeof object.sensorEventsLost === "object")
                            message.sensorEventsLost = new $util.LongBits(object.sensorEventsLost.low >>> 0, object.sensorEventsLost.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from an AgentStats message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.AgentStats
             * @static
             * @param {xdr.v1.AgentStats} message AgentStats
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentStats.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.spoolBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.spoolBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.spoolBatches = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.spoolDroppedBatches = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.spoolDroppedBatches = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.spoolDroppedEvents = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.spoolDroppedEvents = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.eventsGenerated = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.eventsGenerated = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sensorEventsLost = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sensorEventsLost = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.spoolBytes != null && $Object.hasOwnProperty.call(message, "spoolBytes"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.spoolBytes = typeof message.spoolBytes === "number" ? $BigInt(message.spoolBytes) : $util.Long.fromBits(message.spoolBytes.low >>> 0, message.spoolBytes.high >>> 0, true).toBigInt();
                    else if (typeof message.spoolBytes === "number")
                        object.spoolBytes = options.longs === $String ? $String(message.spoolBytes) : message.spoolBytes;
                    else
                        object.spoolBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.spoolBytes) : options.longs === $Number ? new $util.LongBits(message.spoolBytes.low >>> 0, message.spoolBytes.high >>> 0).toNumber(true) : message.spoolBytes;
                if (message.spoolBatches != null && $Object.hasOwnProperty.call(message, "spoolBatches"))
                    object.spoolBatches = message.spoolBatches;
                if (message.spoolDroppedBatches != null && $Object.hasOwnProperty.call(message, "spoolDroppedBatches"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.spoolDroppedBatches = typeof message.spoolDroppedBatches === "number" ? $BigInt(message.spoolDroppedBatches) : $util.Long.fromBits(message.spoolDroppedBatches.low >>> 0, message.spoolDroppedBatches.high >>> 0, true).toBigInt();
                    else if (typeof message.spoolDroppedBatches === "number")
                        object.spoolDroppedBatches = options.longs === $String ? $String(message.spoolDroppedBatches) : message.spoolDroppedBatches;
                    else
                        object.spoolDroppedBatches = options.longs === $String ? $util.Long.prototype.toString.call(message.spoolDroppedBatches) : options.longs === $Number ? new $util.LongBits(message.spoolDroppedBatches.low >>> 0, message.spoolDroppedBatches.high >>> 0).toNumber(true) : message.spoolDroppedBatches;
                if (message.spoolDroppedEvents != null && $Object.hasOwnProperty.call(message, "spoolDroppedEvents"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.spoolDroppedEvents = typeof message.spoolDroppedEvents === "number" ? $BigInt(message.spoolDroppedEvents) : $util.Long.fromBits(message.spoolDroppedEvents.low >>> 0, message.spoolDroppedEvents.high >>> 0, true).toBigInt();
                    else if (typeof message.spoolDroppedEvents === "number")
                        object.spoolDroppedEvents = options.longs === $String ? $String(message.spoolDroppedEvents) : message.spoolDroppedEvents;
                    else
                        object.spoolDroppedEvents = options.longs === $String ? $util.Long.prototype.toString.call(message.spoolDroppedEvents) : options.longs === $Number ? new $util.LongBits(message.spoolDroppedEvents.low >>> 0, message.spoolDroppedEvents.high >>> 0).toNumber(true) : message.spoolDroppedEvents;
                if (message.eventsGenerated != null && $Object.hasOwnProperty.call(message, "eventsGenerated"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.eventsGenerated = typeof message.eventsGenerated === "number" ? $BigInt(message.eventsGenerated) : $util.Long.fromBits(message.eventsGenerated.low >>> 0, message.eventsGenerated.high >>> 0, true).toBigInt();
                    else if (typeof message.eventsGenerated === "number")
                        object.eventsGenerated = options.longs === $String ? $String(message.eventsGenerated) : message.eventsGenerated;
                    else
                        object.eventsGenerated = options.longs === $String ? $util.Long.prototype.toString.call(message.eventsGenerated) : options.longs === $Number ? new $util.LongBits(message.eventsGenerated.low >>> 0, message.eventsGenerated.high >>> 0).toNumber(true) : message.eventsGenerated;
                if (message.sensorEventsLost != null && $Object.hasOwnProperty.call(message, "sensorEventsLost"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sensorEventsLost = typeof message.sensorEventsLost === "number" ? $BigInt(message.sensorEventsLost) : $util.Long.fromBits(message.sensorEventsLost.low >>> 0, message.sensorEventsLost.high >>> 0, true).toBigInt();
                    else if (typeof message.sensorEventsLost === "number")
                        object.sensorEventsLost = options.longs === $String ? $String(message.sensorEventsLost) : message.sensorEventsLost;
                    else
                        object.sensorEventsLost = options.longs === $String ? $util.Long.prototype.toString.call(message.sensorEventsLost) : options.longs === $Number ? new $util.LongBits(message.sensorEventsLost.low >>> 0, message.sensorEventsLost.high >>> 0).toNumber(true) : message.sensorEventsLost;
                return object;
            };

            /**
             * Converts this AgentStats to JSON.
             * @function toJSON
             * @memberof xdr.v1.AgentStats
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentStats.prototype.toJSON = function() {
                return AgentStats.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentStats;
        })();

        v1.EventBatch = (function() {

            /**
             * Properties of an EventBatch.
             * @typedef {Object} xdr.v1.EventBatch.$Properties
             * @property {number|Long|null} [seq] EventBatch seq
             * @property {Array.<xdr.v1.Event.$Properties>|null} [events] EventBatch events
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EventBatch.
             * @memberof xdr.v1
             * @interface IEventBatch
             * @augments xdr.v1.EventBatch.$Properties
             * @deprecated Use xdr.v1.EventBatch.$Properties instead.
             */

            /**
             * Shape of an EventBatch.
             * @typedef {{
             *   seq?: number|Long|null;
             *   events?: Array.<xdr.v1.Event.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} xdr.v1.EventBatch.$Shape
             */

            /**
             * Constructs a new EventBatch.
             * @memberof xdr.v1
             * @classdesc Represents an EventBatch.
             * @constructor
             * @param {xdr.v1.EventBatch.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EventBatch = function (properties) {
                this.events = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EventBatch seq.
             * @member {number|Long} seq
             * @memberof xdr.v1.EventBatch
             * @instance
             */
            EventBatch.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * EventBatch events.
             * @member {Array.<xdr.v1.Event.$Properties>} events
             * @memberof xdr.v1.EventBatch
             * @instance
             */
            EventBatch.prototype.events = $util.emptyArray;

            /**
             * Creates a new EventBatch instance using the specified properties.
             * @function create
             * @memberof xdr.v1.EventBatch
             * @static
             * @param {xdr.v1.EventBatch.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.EventBatch} EventBatch instance
             * @type {{
             *   (properties: xdr.v1.EventBatch.$Shape): xdr.v1.EventBatch & xdr.v1.EventBatch.$Shape;
             *   (properties?: xdr.v1.EventBatch.$Properties): xdr.v1.EventBatch;
             * }}
             */
            EventBatch.create = function(properties) {
                return new EventBatch(properties);
            };

            /**
             * Encodes the specified EventBatch message. Does not implicitly {@link xdr.v1.EventBatch.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.EventBatch
             * @static
             * @param {xdr.v1.EventBatch.$Properties} message EventBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EventBatch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
                if (message.events != null && message.events.length)
                    for (let i = 0; i < message.events.length; ++i)
                        $root.xdr.v1.Event.encode(message.events[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified EventBatch message, length delimited. Does not implicitly {@link xdr.v1.EventBatch.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.EventBatch
             * @static
             * @param {xdr.v1.EventBatch.$Properties} message EventBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EventBatch.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an EventBatch message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.EventBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.EventBatch & xdr.v1.EventBatch.$Shape} EventBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EventBatch.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.EventBatch();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.events && message.events.length))
                                message.events = [];
                            message.events.push($root.xdr.v1.Event.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an EventBatch message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.EventBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.EventBatch & xdr.v1.EventBatch.$Shape} EventBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EventBatch.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates an EventBatch message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.EventBatch
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.EventBatch} EventBatch
             */
            EventBatch.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.EventBatch)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.EventBatch: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.EventBatch();
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.events) {
                    if (!$Array.isArray(object.events))
                        throw $TypeError(".xdr.v1.EventBatch.events: array expected");
                    message.events = $Array(object.events.length);
                    for (let i = 0; i < object.events.length; ++i) {
                        if (!$util.isObject(object.events[i]))
                            throw $TypeError(".xdr.v1.EventBatch.events: object expected");
                        message.events[i] = $root.xdr.v1.Event.fromObject(object.events[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an EventBatch message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.EventBatch
             * @static
             * @param {xdr.v1.EventBatch} message EventBatch
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EventBatch.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.events = [];
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.events && message.events.length) {
                    object.events = $Array(message.events.length);
                    for (let j = 0; j < message.events.length; ++j)
                        object.events[j] = $root.xdr.v1.Event.toObject(message.events[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this EventBatch to JSON.
             * @function toJSON
             * @memberof xdr.v1.EventBatch
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EventBatch.prototype.toJSON = function() {
                return EventBatch.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EventBatch;
        })();

        v1.BatchAck = (function() {

            /**
             * Properties of a BatchAck.
             * @typedef {Object} xdr.v1.BatchAck.$Properties
             * @property {number|Long|null} [seq] BatchAck seq
             * @property {boolean|null} [duplicate] BatchAck duplicate
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BatchAck.
             * @memberof xdr.v1
             * @interface IBatchAck
             * @augments xdr.v1.BatchAck.$Properties
             * @deprecated Use xdr.v1.BatchAck.$Properties instead.
             */

            /**
             * Shape of a BatchAck.
             * @typedef {xdr.v1.BatchAck.$Properties} xdr.v1.BatchAck.$Shape
             */

            /**
             * Constructs a new BatchAck.
             * @memberof xdr.v1
             * @classdesc Represents a BatchAck.
             * @constructor
             * @param {xdr.v1.BatchAck.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BatchAck = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * BatchAck seq.
             * @member {number|Long} seq
             * @memberof xdr.v1.BatchAck
             * @instance
             */
            BatchAck.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * BatchAck duplicate.
             * @member {boolean} duplicate
             * @memberof xdr.v1.BatchAck
             * @instance
             */
            BatchAck.prototype.duplicate = false;

            /**
             * Creates a new BatchAck instance using the specified properties.
             * @function create
             * @memberof xdr.v1.BatchAck
             * @static
             * @param {xdr.v1.BatchAck.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.BatchAck} BatchAck instance
             * @type {{
             *   (properties: xdr.v1.BatchAck.$Shape): xdr.v1.BatchAck & xdr.v1.BatchAck.$Shape;
             *   (properties?: xdr.v1.BatchAck.$Properties): xdr.v1.BatchAck;
             * }}
             */
            BatchAck.create = function(properties) {
                return new BatchAck(properties);
            };

            /**
             * Encodes the specified BatchAck message. Does not implicitly {@link xdr.v1.BatchAck.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.BatchAck
             * @static
             * @param {xdr.v1.BatchAck.$Properties} message BatchAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BatchAck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
                if (message.duplicate != null && $Object.hasOwnProperty.call(message, "duplicate") && message.duplicate !== false)
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.duplicate);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified BatchAck message, length delimited. Does not implicitly {@link xdr.v1.BatchAck.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.BatchAck
             * @static
             * @param {xdr.v1.BatchAck.$Properties} message BatchAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BatchAck.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a BatchAck message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.BatchAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.BatchAck & xdr.v1.BatchAck.$Shape} BatchAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BatchAck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.BatchAck();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.duplicate = value;
                            else
                                delete message.duplicate;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a BatchAck message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.BatchAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.BatchAck & xdr.v1.BatchAck.$Shape} BatchAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BatchAck.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a BatchAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.BatchAck
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.BatchAck} BatchAck
             */
            BatchAck.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.BatchAck)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.BatchAck: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.BatchAck();
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.duplicate != null)
                    if (object.duplicate)
                        message.duplicate = $Boolean(object.duplicate);
                return message;
            };

            /**
             * Creates a plain object from a BatchAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.BatchAck
             * @static
             * @param {xdr.v1.BatchAck} message BatchAck
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            BatchAck.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.duplicate = false;
                }
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.duplicate != null && $Object.hasOwnProperty.call(message, "duplicate"))
                    object.duplicate = message.duplicate;
                return object;
            };

            /**
             * Converts this BatchAck to JSON.
             * @function toJSON
             * @memberof xdr.v1.BatchAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            BatchAck.prototype.toJSON = function() {
                return BatchAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            return BatchAck;
        })();

        v1.Event = (function() {

            /**
             * Properties of an Event.
             * @typedef {Object} xdr.v1.Event.$Properties
             * @property {number|Long|null} [timeMs] Event timeMs
             * @property {xdr.v1.ProcessEvent.$Properties|null} [process] Event process
             * @property {xdr.v1.FileEvent.$Properties|null} [file] Event file
             * @property {xdr.v1.NetworkEvent.$Properties|null} [network] Event network
             * @property {xdr.v1.LoginEvent.$Properties|null} [login] Event login
             * @property {xdr.v1.AgentNotice.$Properties|null} [notice] Event notice
             * @property {"process"|"file"|"network"|"login"|"notice"} [payload] Event payload
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Event.
             * @memberof xdr.v1
             * @interface IEvent
             * @augments xdr.v1.Event.$Properties
             * @deprecated Use xdr.v1.Event.$Properties instead.
             */

            /**
             * Narrowed shape of an Event.
             * @typedef {{
             *   timeMs?: number|Long|null;
             *   process?: xdr.v1.ProcessEvent.$Shape|null;
             *   file?: xdr.v1.FileEvent.$Shape|null;
             *   network?: xdr.v1.NetworkEvent.$Shape|null;
             *   login?: xdr.v1.LoginEvent.$Shape|null;
             *   notice?: xdr.v1.AgentNotice.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ payload?: undefined; process?: null; file?: null; network?: null; login?: null; notice?: null }|{ payload?: "process"; process: xdr.v1.ProcessEvent.$Shape; file?: null; network?: null; login?: null; notice?: null }|{ payload?: "file"; process?: null; file: xdr.v1.FileEvent.$Shape; network?: null; login?: null; notice?: null }|{ payload?: "network"; process?: null; file?: null; network: xdr.v1.NetworkEvent.$Shape; login?: null; notice?: null }|{ payload?: "login"; process?: null; file?: null; network?: null; login: xdr.v1.LoginEvent.$Shape; notice?: null }|{ payload?: "notice"; process?: null; file?: null; network?: null; login?: null; notice: xdr.v1.AgentNotice.$Shape })
             * )} xdr.v1.Event.$Shape
             */

            /**
             * Constructs a new Event.
             * @memberof xdr.v1
             * @classdesc Represents an Event.
             * @constructor
             * @param {xdr.v1.Event.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Event = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Event timeMs.
             * @member {number|Long} timeMs
             * @memberof xdr.v1.Event
             * @instance
             */
            Event.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Event process.
             * @member {xdr.v1.ProcessEvent.$Properties|null|undefined} process
             * @memberof xdr.v1.Event
             * @instance
             */
            Event.prototype.process = null;

            /**
             * Event file.
             * @member {xdr.v1.FileEvent.$Properties|null|undefined} file
             * @memberof xdr.v1.Event
             * @instance
             */
            Event.prototype.file = null;

            /**
             * Event network.
             * @member {xdr.v1.NetworkEvent.$Properties|null|undefined} network
             * @memberof xdr.v1.Event
             * @instance
             */
            Event.prototype.network = null;

            /**
             * Event login.
             * @member {xdr.v1.LoginEvent.$Properties|null|undefined} login
             * @memberof xdr.v1.Event
             * @instance
             */
            Event.prototype.login = null;

            /**
             * Event notice.
             * @member {xdr.v1.AgentNotice.$Properties|null|undefined} notice
             * @memberof xdr.v1.Event
             * @instance
             */
            Event.prototype.notice = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Event payload.
             * @member {"process"|"file"|"network"|"login"|"notice"|undefined} payload
             * @memberof xdr.v1.Event
             * @instance
             */
            $Object.defineProperty(Event.prototype, "payload", {
                get: $util.oneOfGetter($oneOfFields = ["process", "file", "network", "login", "notice"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Event instance using the specified properties.
             * @function create
             * @memberof xdr.v1.Event
             * @static
             * @param {xdr.v1.Event.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.Event} Event instance
             * @type {{
             *   (properties: xdr.v1.Event.$Shape): xdr.v1.Event & xdr.v1.Event.$Shape;
             *   (properties?: xdr.v1.Event.$Properties): xdr.v1.Event;
             * }}
             */
            Event.create = function(properties) {
                return new Event(properties);
            };

            /**
             * Encodes the specified Event message. Does not implicitly {@link xdr.v1.Event.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.Event
             * @static
             * @param {xdr.v1.Event.$Properties} message Event message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Event.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.timeMs);
                if (message.process != null && $Object.hasOwnProperty.call(message, "process"))
                    $root.xdr.v1.ProcessEvent.encode(message.process, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.file != null && $Object.hasOwnProperty.call(message, "file"))
                    $root.xdr.v1.FileEvent.encode(message.file, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.network != null && $Object.hasOwnProperty.call(message, "network"))
                    $root.xdr.v1.NetworkEvent.encode(message.network, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.login != null && $Object.hasOwnProperty.call(message, "login"))
                    $root.xdr.v1.LoginEvent.encode(message.login, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                if (message.notice != null && $Object.hasOwnProperty.call(message, "notice"))
                    $root.xdr.v1.AgentNotice.encode(message.notice, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Event message, length delimited. Does not implicitly {@link xdr.v1.Event.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.Event
             * @static
             * @param {xdr.v1.Event.$Properties} message Event message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Event.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Event message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.Event
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.Event & xdr.v1.Event.$Shape} Event
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Event.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.Event();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.process = $root.xdr.v1.ProcessEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.process);
                            message.payload = "process";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.file = $root.xdr.v1.FileEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.file);
                            message.payload = "file";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.network = $root.xdr.v1.NetworkEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.network);
                            message.payload = "network";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.login = $root.xdr.v1.LoginEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.login);
                            message.payload = "login";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.notice = $root.xdr.v1.AgentNotice.decode(reader, reader.size(), $undefined, _depth + 1, message.notice);
                            message.payload = "notice";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an Event message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.Event
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.Event & xdr.v1.Event.$Shape} Event
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Event.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates an Event message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.Event
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.Event} Event
             */
            Event.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.Event)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.Event: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.Event();
                if (object.timeMs != null)
                    if (typeof object.timeMs === "object" ? object.timeMs.low || object.timeMs.high : $Number(object.timeMs) !== 0)
                        if ($util.Long)
                            message.timeMs = $util.Long.fromValue(object.timeMs, true);
                        else if (typeof object.timeMs === "string")
                            message.timeMs = $parseInt(object.timeMs, 10);
                        else if (typeof object.timeMs === "number")
                            message.timeMs = object.timeMs;
                        else if (typeof object.timeMs === "object")
                            message.timeMs = new $util.LongBits(object.timeMs.low >>> 0, object.timeMs.high >>> 0).toNumber(true);
                if (object.process != null) {
                    if (!$util.isObject(object.process))
                        throw $TypeError(".xdr.v1.Event.process: object expected");
                    message.process = $root.xdr.v1.ProcessEvent.fromObject(object.process, _depth + 1);
                }
                if (object.file != null) {
                    if (!$util.isObject(object.file))
                        throw $TypeError(".xdr.v1.Event.file: object expected");
                    message.file = $root.xdr.v1.FileEvent.fromObject(object.file, _depth + 1);
                }
                if (object.network != null) {
                    if (!$util.isObject(object.network))
                        throw $TypeError(".xdr.v1.Event.network: object expected");
                    message.network = $root.xdr.v1.NetworkEvent.fromObject(object.network, _depth + 1);
                }
                if (object.login != null) {
                    if (!$util.isObject(object.login))
                        throw $TypeError(".xdr.v1.Event.login: object expected");
                    message.login = $root.xdr.v1.LoginEvent.fromObject(object.login, _depth + 1);
                }
                if (object.notice != null) {
                    if (!$util.isObject(object.notice))
                        throw $TypeError(".xdr.v1.Event.notice: object expected");
                    message.notice = $root.xdr.v1.AgentNotice.fromObject(object.notice, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an Event message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.Event
             * @static
             * @param {xdr.v1.Event} message Event
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Event.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.timeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeMs = typeof message.timeMs === "number" ? $BigInt(message.timeMs) : $util.Long.fromBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0, true).toBigInt();
                    else if (typeof message.timeMs === "number")
                        object.timeMs = options.longs === $String ? $String(message.timeMs) : message.timeMs;
                    else
                        object.timeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeMs) : options.longs === $Number ? new $util.LongBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0).toNumber(true) : message.timeMs;
                if (message.process != null && $Object.hasOwnProperty.call(message, "process")) {
                    object.process = $root.xdr.v1.ProcessEvent.toObject(message.process, options, _depth + 1);
                    if (options.oneofs)
                        object.payload = "process";
                }
                if (message.file != null && $Object.hasOwnProperty.call(message, "file")) {
                    object.file = $root.xdr.v1.FileEvent.toObject(message.file, options, _depth + 1);
                    if (options.oneofs)
                        object.payload = "file";
                }
                if (message.network != null && $Object.hasOwnProperty.call(message, "network")) {
                    object.network = $root.xdr.v1.NetworkEvent.toObject(message.network, options, _depth + 1);
                    if (options.oneofs)
                        object.payload = "network";
                }
                if (message.login != null && $Object.hasOwnProperty.call(message, "login")) {
                    object.login = $root.xdr.v1.LoginEvent.toObject(message.login, options, _depth + 1);
                    if (options.oneofs)
                        object.payload = "login";
                }
                if (message.notice != null && $Object.hasOwnProperty.call(message, "notice")) {
                    object.notice = $root.xdr.v1.AgentNotice.toObject(message.notice, options, _depth + 1);
                    if (options.oneofs)
                        object.payload = "notice";
                }
                return object;
            };

            /**
             * Converts this Event to JSON.
             * @function toJSON
             * @memberof xdr.v1.Event
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Event.prototype.toJSON = function() {
                return Event.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Event;
        })();

        v1.Process = (function() {

            /**
             * Properties of a Process.
             * @typedef {Object} xdr.v1.Process.$Properties
             * @property {string|null} [entityId] Process entityId
             * @property {number|null} [pid] Process pid
             * @property {number|null} [ppid] Process ppid
             * @property {string|null} [name] Process name
             * @property {string|null} [executable] Process executable
             * @property {string|null} [commandLine] Process commandLine
             * @property {Array.<string>|null} [args] Process args
             * @property {string|null} [workingDirectory] Process workingDirectory
             * @property {string|null} [hashSha256] Process hashSha256
             * @property {string|null} [userName] Process userName
             * @property {number|null} [userId] Process userId
             * @property {number|Long|null} [startTimeMs] Process startTimeMs
             * @property {xdr.v1.ProcessRef.$Properties|null} [parent] Process parent
             * @property {boolean|null} [userIdSet] Process userIdSet
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Process.
             * @memberof xdr.v1
             * @interface IProcess
             * @augments xdr.v1.Process.$Properties
             * @deprecated Use xdr.v1.Process.$Properties instead.
             */

            /**
             * Shape of a Process.
             * @typedef {xdr.v1.Process.$Properties} xdr.v1.Process.$Shape
             */

            /**
             * Constructs a new Process.
             * @memberof xdr.v1
             * @classdesc Represents a Process.
             * @constructor
             * @param {xdr.v1.Process.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Process = function (properties) {
                this.args = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Process entityId.
             * @member {string} entityId
             * @memberof xdr.v1.Process
             * @instance
             */
            Process.prototype.entityId = "";

            /**
             * Process pid.
             * @member {number} pid
             * @memberof xdr.v1.Process
             * @instance
             */
            Process.prototype.pid = 0;

            /**
             * Process ppid.
             * @member {number} ppid
             * @memberof xdr.v1.Process
             * @instance
             */
            Process.prototype.ppid = 0;

            /**
             * Process name.
             * @member {string} name
             * @memberof xdr.v1.Process
             * @instance
             */
            Process.prototype.name = "";

            /**
             * Process executable.
             * @member {string} executable
             * @memberof xdr.v1.Process
             * @instance
             */
            Process.prototype.executable = "";

            /**
             * Process commandLine.
             * @member {string} commandLine
             * @memberof xdr.v1.Process
             * @instance
             */
            Process.prototype.commandLine = "";

            /**
             * Process args.
             * @member {Array.<string>} args
             * @memberof xdr.v1.Process
             * @instance
             */
            Process.prototype.args = $util.emptyArray;

            /**
             * Process workingDirectory.
             * @member {string} workingDirectory
             * @memberof xdr.v1.Process
             * @instance
             */
            Process.prototype.workingDirectory = "";

            /**
             * Process hashSha256.
             * @member {string} hashSha256
             * @memberof xdr.v1.Process
             * @instance
             */
            Process.prototype.hashSha256 = "";

            /**
             * Process userName.
             * @member {string} userName
             * @memberof xdr.v1.Process
             * @instance
             */
            Process.prototype.userName = "";

            /**
             * Process userId.
             * @member {number} userId
             * @memberof xdr.v1.Process
             * @instance
             */
            Process.prototype.userId = 0;

            /**
             * Process startTimeMs.
             * @member {number|Long} startTimeMs
             * @memberof xdr.v1.Process
             * @instance
             */
            Process.prototype.startTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Process parent.
             * @member {xdr.v1.ProcessRef.$Properties|null|undefined} parent
             * @memberof xdr.v1.Process
             * @instance
             */
            Process.prototype.parent = null;

            /**
             * Process userIdSet.
             * @member {boolean} userIdSet
             * @memberof xdr.v1.Process
             * @instance
             */
            Process.prototype.userIdSet = false;

            /**
             * Creates a new Process instance using the specified properties.
             * @function create
             * @memberof xdr.v1.Process
             * @static
             * @param {xdr.v1.Process.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.Process} Process instance
             * @type {{
             *   (properties: xdr.v1.Process.$Shape): xdr.v1.Process & xdr.v1.Process.$Shape;
             *   (properties?: xdr.v1.Process.$Properties): xdr.v1.Process;
             * }}
             */
            Process.create = function(properties) {
                return new Process(properties);
            };

            /**
             * Encodes the specified Process message. Does not implicitly {@link xdr.v1.Process.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.Process
             * @static
             * @param {xdr.v1.Process.$Properties} message Process message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Process.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.entityId != null && $Object.hasOwnProperty.call(message, "entityId") && message.entityId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.entityId);
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid") && message.pid !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.pid);
                if (message.ppid != null && $Object.hasOwnProperty.call(message, "ppid") && message.ppid !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.ppid);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.name);
                if (message.executable != null && $Object.hasOwnProperty.call(message, "executable") && message.executable !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.executable);
                if (message.commandLine != null && $Object.hasOwnProperty.call(message, "commandLine") && message.commandLine !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.commandLine);
                if (message.args != null && message.args.length)
                    for (let i = 0; i < message.args.length; ++i)
                        writer.uint32(/* id 7, wireType 2 =*/58).string(message.args[i]);
                if (message.workingDirectory != null && $Object.hasOwnProperty.call(message, "workingDirectory") && message.workingDirectory !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.workingDirectory);
                if (message.hashSha256 != null && $Object.hasOwnProperty.call(message, "hashSha256") && message.hashSha256 !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.hashSha256);
                if (message.userName != null && $Object.hasOwnProperty.call(message, "userName") && message.userName !== "")
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.userName);
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== 0)
                    writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.userId);
                if (message.startTimeMs != null && $Object.hasOwnProperty.call(message, "startTimeMs") && (typeof message.startTimeMs === "object" ? message.startTimeMs.low || message.startTimeMs.high : message.startTimeMs !== 0))
                    writer.uint32(/* id 12, wireType 0 =*/96).uint64(message.startTimeMs);
                if (message.parent != null && $Object.hasOwnProperty.call(message, "parent"))
                    $root.xdr.v1.ProcessRef.encode(message.parent, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                if (message.userIdSet != null && $Object.hasOwnProperty.call(message, "userIdSet") && message.userIdSet !== false)
                    writer.uint32(/* id 14, wireType 0 =*/112).bool(message.userIdSet);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Process message, length delimited. Does not implicitly {@link xdr.v1.Process.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.Process
             * @static
             * @param {xdr.v1.Process.$Properties} message Process message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Process.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Process message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.Process
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.Process & xdr.v1.Process.$Shape} Process
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Process.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.Process();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.entityId = value;
                            else
                                delete message.entityId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.pid = value;
                            else
                                delete message.pid;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.ppid = value;
                            else
                                delete message.ppid;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.executable = value;
                            else
                                delete message.executable;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.commandLine = value;
                            else
                                delete message.commandLine;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if (!(message.args && message.args.length))
                                message.args = [];
                            message.args.push(reader.stringVerify());
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workingDirectory = value;
                            else
                                delete message.workingDirectory;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hashSha256 = value;
                            else
                                delete message.hashSha256;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userName = value;
                            else
                                delete message.userName;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.startTimeMs = value;
                            else
                                delete message.startTimeMs;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.parent = $root.xdr.v1.ProcessRef.decode(reader, reader.size(), $undefined, _depth + 1, message.parent);
                            continue;
                        }
                    case 14: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.userIdSet = value;
                            else
                                delete message.userIdSet;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Process message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.Process
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.Process & xdr.v1.Process.$Shape} Process
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Process.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a Process message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.Process
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.Process} Process
             */
            Process.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.Process)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.Process: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.Process();
                if (object.entityId != null)
                    if (typeof object.entityId !== "string" || object.entityId.length)
                        message.entityId = $String(object.entityId);
                if (object.pid != null)
                    if ($Number(object.pid) !== 0)
                        message.pid = object.pid >>> 0;
                if (object.ppid != null)
                    if ($Number(object.ppid) !== 0)
                        message.ppid = object.ppid >>> 0;
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.executable != null)
                    if (typeof object.executable !== "string" || object.executable.length)
                        message.executable = $String(object.executable);
                if (object.commandLine != null)
                    if (typeof object.commandLine !== "string" || object.commandLine.length)
                        message.commandLine = $String(object.commandLine);
                if (object.args) {
                    if (!$Array.isArray(object.args))
                        throw $TypeError(".xdr.v1.Process.args: array expected");
                    message.args = $Array(object.args.length);
                    for (let i = 0; i < object.args.length; ++i)
                        message.args[i] = $String(object.args[i]);
                }
                if (object.workingDirectory != null)
                    if (typeof object.workingDirectory !== "string" || object.workingDirectory.length)
                        message.workingDirectory = $String(object.workingDirectory);
                if (object.hashSha256 != null)
                    if (typeof object.hashSha256 !== "string" || object.hashSha256.length)
                        message.hashSha256 = $String(object.hashSha256);
                if (object.userName != null)
                    if (typeof object.userName !== "string" || object.userName.length)
                        message.userName = $String(object.userName);
                if (object.userId != null)
                    if ($Number(object.userId) !== 0)
                        message.userId = object.userId >>> 0;
                if (object.startTimeMs != null)
                    if (typeof object.startTimeMs === "object" ? object.startTimeMs.low || object.startTimeMs.high : $Number(object.startTimeMs) !== 0)
                        if ($util.Long)
                            message.startTimeMs = $util.Long.fromValue(object.startTimeMs, true);
                        else if (typeof object.startTimeMs === "string")
                            message.startTimeMs = $parseInt(object.startTimeMs, 10);
                        else if (typeof object.startTimeMs === "number")
                            message.startTimeMs = object.startTimeMs;
                        else if (typeof object.startTimeMs === "object")
                            message.startTimeMs = new $util.LongBits(object.startTimeMs.low >>> 0, object.startTimeMs.high >>> 0).toNumber(true);
                if (object.parent != null) {
                    if (!$util.isObject(object.parent))
                        throw $TypeError(".xdr.v1.Process.parent: object expected");
                    message.parent = $root.xdr.v1.ProcessRef.fromObject(object.parent, _depth + 1);
                }
                if (object.userIdSet != null)
                    if (object.userIdSet)
                        message.userIdSet = $Boolean(object.userIdSet);
                return message;
            };

            /**
             * Creates a plain object from a Process message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.Process
             * @static
             * @param {xdr.v1.Process} message Process
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Process.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.args = [];
                if (options.defaults) {
                    object.entityId = "";
                    object.pid = 0;
                    object.ppid = 0;
                    object.name = "";
                    object.executable = "";
                    object.commandLine = "";
                    object.workingDirectory = "";
                    object.hashSha256 = "";
                    object.userName = "";
                    object.userId = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.startTimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.startTimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.parent = null;
                    object.userIdSet = false;
                }
                if (message.entityId != null && $Object.hasOwnProperty.call(message, "entityId"))
                    object.entityId = message.entityId;
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                    object.pid = message.pid;
                if (message.ppid != null && $Object.hasOwnProperty.call(message, "ppid"))
                    object.ppid = message.ppid;
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.executable != null && $Object.hasOwnProperty.call(message, "executable"))
                    object.executable = message.executable;
                if (message.commandLine != null && $Object.hasOwnProperty.call(message, "commandLine"))
                    object.commandLine = message.commandLine;
                if (message.args && message.args.length) {
                    object.args = $Array(message.args.length);
                    for (let j = 0; j < message.args.length; ++j)
                        object.args[j] = message.args[j];
                }
                if (message.workingDirectory != null && $Object.hasOwnProperty.call(message, "workingDirectory"))
                    object.workingDirectory = message.workingDirectory;
                if (message.hashSha256 != null && $Object.hasOwnProperty.call(message, "hashSha256"))
                    object.hashSha256 = message.hashSha256;
                if (message.userName != null && $Object.hasOwnProperty.call(message, "userName"))
                    object.userName = message.userName;
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.startTimeMs != null && $Object.hasOwnProperty.call(message, "startTimeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.startTimeMs = typeof message.startTimeMs === "number" ? $BigInt(message.startTimeMs) : $util.Long.fromBits(message.startTimeMs.low >>> 0, message.startTimeMs.high >>> 0, true).toBigInt();
                    else if (typeof message.startTimeMs === "number")
                        object.startTimeMs = options.longs === $String ? $String(message.startTimeMs) : message.startTimeMs;
                    else
                        object.startTimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.startTimeMs) : options.longs === $Number ? new $util.LongBits(message.startTimeMs.low >>> 0, message.startTimeMs.high >>> 0).toNumber(true) : message.startTimeMs;
                if (message.parent != null && $Object.hasOwnProperty.call(message, "parent"))
                    object.parent = $root.xdr.v1.ProcessRef.toObject(message.parent, options, _depth + 1);
                if (message.userIdSet != null && $Object.hasOwnProperty.call(message, "userIdSet"))
                    object.userIdSet = message.userIdSet;
                return object;
            };

            /**
             * Converts this Process to JSON.
             * @function toJSON
             * @memberof xdr.v1.Process
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Process.prototype.toJSON = function() {
                return Process.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Process;
        })();

        v1.ProcessRef = (function() {

            /**
             * Properties of a ProcessRef.
             * @typedef {Object} xdr.v1.ProcessRef.$Properties
             * @property {string|null} [entityId] ProcessRef entityId
             * @property {number|null} [pid] ProcessRef pid
             * @property {string|null} [name] ProcessRef name
             * @property {string|null} [executable] ProcessRef executable
             * @property {string|null} [commandLine] ProcessRef commandLine
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ProcessRef.
             * @memberof xdr.v1
             * @interface IProcessRef
             * @augments xdr.v1.ProcessRef.$Properties
             * @deprecated Use xdr.v1.ProcessRef.$Properties instead.
             */

            /**
             * Shape of a ProcessRef.
             * @typedef {xdr.v1.ProcessRef.$Properties} xdr.v1.ProcessRef.$Shape
             */

            /**
             * Constructs a new ProcessRef.
             * @memberof xdr.v1
             * @classdesc Represents a ProcessRef.
             * @constructor
             * @param {xdr.v1.ProcessRef.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ProcessRef = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ProcessRef entityId.
             * @member {string} entityId
             * @memberof xdr.v1.ProcessRef
             * @instance
             */
            ProcessRef.prototype.entityId = "";

            /**
             * ProcessRef pid.
             * @member {number} pid
             * @memberof xdr.v1.ProcessRef
             * @instance
             */
            ProcessRef.prototype.pid = 0;

            /**
             * ProcessRef name.
             * @member {string} name
             * @memberof xdr.v1.ProcessRef
             * @instance
             */
            ProcessRef.prototype.name = "";

            /**
             * ProcessRef executable.
             * @member {string} executable
             * @memberof xdr.v1.ProcessRef
             * @instance
             */
            ProcessRef.prototype.executable = "";

            /**
             * ProcessRef commandLine.
             * @member {string} commandLine
             * @memberof xdr.v1.ProcessRef
             * @instance
             */
            ProcessRef.prototype.commandLine = "";

            /**
             * Creates a new ProcessRef instance using the specified properties.
             * @function create
             * @memberof xdr.v1.ProcessRef
             * @static
             * @param {xdr.v1.ProcessRef.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.ProcessRef} ProcessRef instance
             * @type {{
             *   (properties: xdr.v1.ProcessRef.$Shape): xdr.v1.ProcessRef & xdr.v1.ProcessRef.$Shape;
             *   (properties?: xdr.v1.ProcessRef.$Properties): xdr.v1.ProcessRef;
             * }}
             */
            ProcessRef.create = function(properties) {
                return new ProcessRef(properties);
            };

            /**
             * Encodes the specified ProcessRef message. Does not implicitly {@link xdr.v1.ProcessRef.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.ProcessRef
             * @static
             * @param {xdr.v1.ProcessRef.$Properties} message ProcessRef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProcessRef.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.entityId != null && $Object.hasOwnProperty.call(message, "entityId") && message.entityId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.entityId);
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid") && message.pid !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.pid);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.name);
                if (message.executable != null && $Object.hasOwnProperty.call(message, "executable") && message.executable !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.executable);
                if (message.commandLine != null && $Object.hasOwnProperty.call(message, "commandLine") && message.commandLine !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.commandLine);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ProcessRef message, length delimited. Does not implicitly {@link xdr.v1.ProcessRef.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.ProcessRef
             * @static
             * @param {xdr.v1.ProcessRef.$Properties} message ProcessRef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProcessRef.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ProcessRef message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.ProcessRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.ProcessRef & xdr.v1.ProcessRef.$Shape} ProcessRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProcessRef.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.ProcessRef();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.entityId = value;
                            else
                                delete message.entityId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.pid = value;
                            else
                                delete message.pid;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.executable = value;
                            else
                                delete message.executable;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.commandLine = value;
                            else
                                delete message.commandLine;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ProcessRef message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.ProcessRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.ProcessRef & xdr.v1.ProcessRef.$Shape} ProcessRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProcessRef.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a ProcessRef message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.ProcessRef
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.ProcessRef} ProcessRef
             */
            ProcessRef.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.ProcessRef)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.ProcessRef: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.ProcessRef();
                if (object.entityId != null)
                    if (typeof object.entityId !== "string" || object.entityId.length)
                        message.entityId = $String(object.entityId);
                if (object.pid != null)
                    if ($Number(object.pid) !== 0)
                        message.pid = object.pid >>> 0;
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.executable != null)
                    if (typeof object.executable !== "string" || object.executable.length)
                        message.executable = $String(object.executable);
                if (object.commandLine != null)
                    if (typeof object.commandLine !== "string" || object.commandLine.length)
                        message.commandLine = $String(object.commandLine);
                return message;
            };

            /**
             * Creates a plain object from a ProcessRef message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.ProcessRef
             * @static
             * @param {xdr.v1.ProcessRef} message ProcessRef
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ProcessRef.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.entityId = "";
                    object.pid = 0;
                    object.name = "";
                    object.executable = "";
                    object.commandLine = "";
                }
                if (message.entityId != null && $Object.hasOwnProperty.call(message, "entityId"))
                    object.entityId = message.entityId;
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                    object.pid = message.pid;
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.executable != null && $Object.hasOwnProperty.call(message, "executable"))
                    object.executable = message.executable;
                if (message.commandLine != null && $Object.hasOwnProperty.call(message, "commandLine"))
                    object.commandLine = message.commandLine;
                return object;
            };

            /**
             * Converts this ProcessRef to JSON.
             * @function toJSON
             * @memberof xdr.v1.ProcessRef
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ProcessRef.prototype.toJSON = function() {
                return ProcessRef.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ProcessRef;
        })();

        v1.ProcessEvent = (function() {

            /**
             * Properties of a ProcessEvent.
             * @typedef {Object} xdr.v1.ProcessEvent.$Properties
             * @property {xdr.v1.ProcessEvent.Action|null} [action] ProcessEvent action
             * @property {xdr.v1.Process.$Properties|null} [process] ProcessEvent process
             * @property {number|null} [exitCode] ProcessEvent exitCode
             * @property {boolean|null} [exitCodeSet] ProcessEvent exitCodeSet
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ProcessEvent.
             * @memberof xdr.v1
             * @interface IProcessEvent
             * @augments xdr.v1.ProcessEvent.$Properties
             * @deprecated Use xdr.v1.ProcessEvent.$Properties instead.
             */

            /**
             * Shape of a ProcessEvent.
             * @typedef {xdr.v1.ProcessEvent.$Properties} xdr.v1.ProcessEvent.$Shape
             */

            /**
             * Constructs a new ProcessEvent.
             * @memberof xdr.v1
             * @classdesc Represents a ProcessEvent.
             * @constructor
             * @param {xdr.v1.ProcessEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ProcessEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ProcessEvent action.
             * @member {xdr.v1.ProcessEvent.Action} action
             * @memberof xdr.v1.ProcessEvent
             * @instance
             */
            ProcessEvent.prototype.action = 0;

            /**
             * ProcessEvent process.
             * @member {xdr.v1.Process.$Properties|null|undefined} process
             * @memberof xdr.v1.ProcessEvent
             * @instance
             */
            ProcessEvent.prototype.process = null;

            /**
             * ProcessEvent exitCode.
             * @member {number} exitCode
             * @memberof xdr.v1.ProcessEvent
             * @instance
             */
            ProcessEvent.prototype.exitCode = 0;

            /**
             * ProcessEvent exitCodeSet.
             * @member {boolean} exitCodeSet
             * @memberof xdr.v1.ProcessEvent
             * @instance
             */
            ProcessEvent.prototype.exitCodeSet = false;

            /**
             * Creates a new ProcessEvent instance using the specified properties.
             * @function create
             * @memberof xdr.v1.ProcessEvent
             * @static
             * @param {xdr.v1.ProcessEvent.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.ProcessEvent} ProcessEvent instance
             * @type {{
             *   (properties: xdr.v1.ProcessEvent.$Shape): xdr.v1.ProcessEvent & xdr.v1.ProcessEvent.$Shape;
             *   (properties?: xdr.v1.ProcessEvent.$Properties): xdr.v1.ProcessEvent;
             * }}
             */
            ProcessEvent.create = function(properties) {
                return new ProcessEvent(properties);
            };

            /**
             * Encodes the specified ProcessEvent message. Does not implicitly {@link xdr.v1.ProcessEvent.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.ProcessEvent
             * @static
             * @param {xdr.v1.ProcessEvent.$Properties} message ProcessEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProcessEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.action != null && $Object.hasOwnProperty.call(message, "action") && message.action !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.action);
                if (message.process != null && $Object.hasOwnProperty.call(message, "process"))
                    $root.xdr.v1.Process.encode(message.process, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.exitCode != null && $Object.hasOwnProperty.call(message, "exitCode") && message.exitCode !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).sint32(message.exitCode);
                if (message.exitCodeSet != null && $Object.hasOwnProperty.call(message, "exitCodeSet") && message.exitCodeSet !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.exitCodeSet);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ProcessEvent message, length delimited. Does not implicitly {@link xdr.v1.ProcessEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.ProcessEvent
             * @static
             * @param {xdr.v1.ProcessEvent.$Properties} message ProcessEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProcessEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ProcessEvent message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.ProcessEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.ProcessEvent & xdr.v1.ProcessEvent.$Shape} ProcessEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProcessEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.ProcessEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.action = value;
                            else
                                delete message.action;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.process = $root.xdr.v1.Process.decode(reader, reader.size(), $undefined, _depth + 1, message.process);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.sint32())
                                message.exitCode = value;
                            else
                                delete message.exitCode;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.exitCodeSet = value;
                            else
                                delete message.exitCodeSet;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ProcessEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.ProcessEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.ProcessEvent & xdr.v1.ProcessEvent.$Shape} ProcessEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProcessEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a ProcessEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.ProcessEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.ProcessEvent} ProcessEvent
             */
            ProcessEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.ProcessEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.ProcessEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.ProcessEvent();
                if (object.action !== 0 && (typeof object.action !== "string" || $root.xdr.v1.ProcessEvent.Action[object.action] !== 0))
                    switch (object.action) {
                    case "ACTION_UNSPECIFIED":
                    case 0:
                        message.action = 0;
                        break;
                    case "START":
                    case 1:
                        message.action = 1;
                        break;
                    case "EXIT":
                    case 2:
                        message.action = 2;
                        break;
                    default:
                        if (typeof object.action === "number" && (object.action | 0) === object.action)
                            message.action = object.action;
                    }
                if (object.process != null) {
                    if (!$util.isObject(object.process))
                        throw $TypeError(".xdr.v1.ProcessEvent.process: object expected");
                    message.process = $root.xdr.v1.Process.fromObject(object.process, _depth + 1);
                }
                if (object.exitCode != null)
                    if ($Number(object.exitCode) !== 0)
                        message.exitCode = object.exitCode | 0;
                if (object.exitCodeSet != null)
                    if (object.exitCodeSet)
                        message.exitCodeSet = $Boolean(object.exitCodeSet);
                return message;
            };

            /**
             * Creates a plain object from a ProcessEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.ProcessEvent
             * @static
             * @param {xdr.v1.ProcessEvent} message ProcessEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ProcessEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.action = options.enums === $String ? "ACTION_UNSPECIFIED" : 0;
                    object.process = null;
                    object.exitCode = 0;
                    object.exitCodeSet = false;
                }
                if (message.action != null && $Object.hasOwnProperty.call(message, "action"))
                    object.action = options.enums === $String ? $root.xdr.v1.ProcessEvent.Action[message.action] === $undefined ? message.action : $root.xdr.v1.ProcessEvent.Action[message.action] : message.action;
                if (message.process != null && $Object.hasOwnProperty.call(message, "process"))
                    object.process = $root.xdr.v1.Process.toObject(message.process, options, _depth + 1);
                if (message.exitCode != null && $Object.hasOwnProperty.call(message, "exitCode"))
                    object.exitCode = message.exitCode;
                if (message.exitCodeSet != null && $Object.hasOwnProperty.call(message, "exitCodeSet"))
                    object.exitCodeSet = message.exitCodeSet;
                return object;
            };

            /**
             * Converts this ProcessEvent to JSON.
             * @function toJSON
             * @memberof xdr.v1.ProcessEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ProcessEvent.prototype.toJSON = function() {
                return ProcessEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Action enum.
             * @name xdr.v1.ProcessEvent.Action
             * @enum {number}
             * @property {number} ACTION_UNSPECIFIED=0 ACTION_UNSPECIFIED value
             * @property {number} START=1 START value
             * @property {number} EXIT=2 EXIT value
             */
            ProcessEvent.Action = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "ACTION_UNSPECIFIED"] = 0;
                values[valuesById[1] = "START"] = 1;
                values[valuesById[2] = "EXIT"] = 2;
                return values;
            })();

            return ProcessEvent;
        })();

        v1.FileEvent = (function() {

            /**
             * Properties of a FileEvent.
             * @typedef {Object} xdr.v1.FileEvent.$Properties
             * @property {xdr.v1.FileEvent.Action|null} [action] FileEvent action
             * @property {string|null} [path] FileEvent path
             * @property {string|null} [oldPath] FileEvent oldPath
             * @property {number|Long|null} [size] FileEvent size
             * @property {number|null} [mode] FileEvent mode
             * @property {string|null} [owner] FileEvent owner
             * @property {string|null} [hashSha256] FileEvent hashSha256
             * @property {xdr.v1.ProcessRef.$Properties|null} [process] FileEvent process
             * @property {boolean|null} [modeSet] FileEvent modeSet
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileEvent.
             * @memberof xdr.v1
             * @interface IFileEvent
             * @augments xdr.v1.FileEvent.$Properties
             * @deprecated Use xdr.v1.FileEvent.$Properties instead.
             */

            /**
             * Shape of a FileEvent.
             * @typedef {xdr.v1.FileEvent.$Properties} xdr.v1.FileEvent.$Shape
             */

            /**
             * Constructs a new FileEvent.
             * @memberof xdr.v1
             * @classdesc Represents a FileEvent.
             * @constructor
             * @param {xdr.v1.FileEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileEvent action.
             * @member {xdr.v1.FileEvent.Action} action
             * @memberof xdr.v1.FileEvent
             * @instance
             */
            FileEvent.prototype.action = 0;

            /**
             * FileEvent path.
             * @member {string} path
             * @memberof xdr.v1.FileEvent
             * @instance
             */
            FileEvent.prototype.path = "";

            /**
             * FileEvent oldPath.
             * @member {string} oldPath
             * @memberof xdr.v1.FileEvent
             * @instance
             */
            FileEvent.prototype.oldPath = "";

            /**
             * FileEvent size.
             * @member {number|Long} size
             * @memberof xdr.v1.FileEvent
             * @instance
             */
            FileEvent.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * FileEvent mode.
             * @member {number} mode
             * @memberof xdr.v1.FileEvent
             * @instance
             */
            FileEvent.prototype.mode = 0;

            /**
             * FileEvent owner.
             * @member {string} owner
             * @memberof xdr.v1.FileEvent
             * @instance
             */
            FileEvent.prototype.owner = "";

            /**
             * FileEvent hashSha256.
             * @member {string} hashSha256
             * @memberof xdr.v1.FileEvent
             * @instance
             */
            FileEvent.prototype.hashSha256 = "";

            /**
             * FileEvent process.
             * @member {xdr.v1.ProcessRef.$Properties|null|undefined} process
             * @memberof xdr.v1.FileEvent
             * @instance
             */
            FileEvent.prototype.process = null;

            /**
             * FileEvent modeSet.
             * @member {boolean} modeSet
             * @memberof xdr.v1.FileEvent
             * @instance
             */
            FileEvent.prototype.modeSet = false;

            /**
             * Creates a new FileEvent instance using the specified properties.
             * @function create
             * @memberof xdr.v1.FileEvent
             * @static
             * @param {xdr.v1.FileEvent.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.FileEvent} FileEvent instance
             * @type {{
             *   (properties: xdr.v1.FileEvent.$Shape): xdr.v1.FileEvent & xdr.v1.FileEvent.$Shape;
             *   (properties?: xdr.v1.FileEvent.$Properties): xdr.v1.FileEvent;
             * }}
             */
            FileEvent.create = function(properties) {
                return new FileEvent(properties);
            };

            /**
             * Encodes the specified FileEvent message. Does not implicitly {@link xdr.v1.FileEvent.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.FileEvent
             * @static
             * @param {xdr.v1.FileEvent.$Properties} message FileEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.action != null && $Object.hasOwnProperty.call(message, "action") && message.action !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.action);
                if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.path);
                if (message.oldPath != null && $Object.hasOwnProperty.call(message, "oldPath") && message.oldPath !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.oldPath);
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.size);
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.mode);
                if (message.owner != null && $Object.hasOwnProperty.call(message, "owner") && message.owner !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.owner);
                if (message.hashSha256 != null && $Object.hasOwnProperty.call(message, "hashSha256") && message.hashSha256 !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.hashSha256);
                if (message.process != null && $Object.hasOwnProperty.call(message, "process"))
                    $root.xdr.v1.ProcessRef.encode(message.process, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.modeSet != null && $Object.hasOwnProperty.call(message, "modeSet") && message.modeSet !== false)
                    writer.uint32(/* id 9, wireType 0 =*/72).bool(message.modeSet);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified FileEvent message, length delimited. Does not implicitly {@link xdr.v1.FileEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.FileEvent
             * @static
             * @param {xdr.v1.FileEvent.$Properties} message FileEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a FileEvent message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.FileEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.FileEvent & xdr.v1.FileEvent.$Shape} FileEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.FileEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.action = value;
                            else
                                delete message.action;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.path = value;
                            else
                                delete message.path;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.oldPath = value;
                            else
                                delete message.oldPath;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.mode = value;
                            else
                                delete message.mode;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.owner = value;
                            else
                                delete message.owner;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hashSha256 = value;
                            else
                                delete message.hashSha256;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.process = $root.xdr.v1.ProcessRef.decode(reader, reader.size(), $undefined, _depth + 1, message.process);
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.modeSet = value;
                            else
                                delete message.modeSet;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a FileEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.FileEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.FileEvent & xdr.v1.FileEvent.$Shape} FileEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a FileEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.FileEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.FileEvent} FileEvent
             */
            FileEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.FileEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.FileEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.FileEvent();
                if (object.action !== 0 && (typeof object.action !== "string" || $root.xdr.v1.FileEvent.Action[object.action] !== 0))
                    switch (object.action) {
                    case "ACTION_UNSPECIFIED":
                    case 0:
                        message.action = 0;
                        break;
                    case "CREATE":
                    case 1:
                        message.action = 1;
                        break;
                    case "MODIFY":
                    case 2:
                        message.action = 2;
                        break;
                    case "DELETE":
                    case 3:
                        message.action = 3;
                        break;
                    case "RENAME":
                    case 4:
                        message.action = 4;
                        break;
                    case "CHMOD":
                    case 5:
                        message.action = 5;
                        break;
                    default:
                        if (typeof object.action === "number" && (object.action | 0) === object.action)
                            message.action = object.action;
                    }
                if (object.path != null)
                    if (typeof object.path !== "string" || object.path.length)
                        message.path = $String(object.path);
                if (object.oldPath != null)
                    if (typeof object.oldPath !== "string" || object.oldPath.length)
                        message.oldPath = $String(object.oldPath);
                if (object.size != null)
                    if (typeof object.size === "object" ? object.size.low || object.size.high : $Number(object.size) !== 0)
                        if ($util.Long)
                            message.size = $util.Long.fromValue(object.size, true);
                        else if (typeof object.size === "string")
                            message.size = $parseInt(object.size, 10);
                        else if (typeof object.size === "number")
                            message.size = object.size;
                        else if (typeof object.size === "object")
                            message.size = new $util.LongBits(object.size.low >>> 0, object.size.high >>> 0).toNumber(true);
                if (object.mode != null)
                    if ($Number(object.mode) !== 0)
                        message.mode = object.mode >>> 0;
                if (object.owner != null)
                    if (typeof object.owner !== "string" || object.owner.length)
                        message.owner = $String(object.owner);
                if (object.hashSha256 != null)
                    if (typeof object.hashSha256 !== "string" || object.hashSha256.length)
                        message.hashSha256 = $String(object.hashSha256);
                if (object.process != null) {
                    if (!$util.isObject(object.process))
                        throw $TypeError(".xdr.v1.FileEvent.process: object expected");
                    message.process = $root.xdr.v1.ProcessRef.fromObject(object.process, _depth + 1);
                }
                if (object.modeSet != null)
                    if (object.modeSet)
                        message.modeSet = $Boolean(object.modeSet);
                return message;
            };

            /**
             * Creates a plain object from a FileEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.FileEvent
             * @static
             * @param {xdr.v1.FileEvent} message FileEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            FileEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.action = options.enums === $String ? "ACTION_UNSPECIFIED" : 0;
                    object.path = "";
                    object.oldPath = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.size = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.size = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.mode = 0;
                    object.owner = "";
                    object.hashSha256 = "";
                    object.process = null;
                    object.modeSet = false;
                }
                if (message.action != null && $Object.hasOwnProperty.call(message, "action"))
                    object.action = options.enums === $String ? $root.xdr.v1.FileEvent.Action[message.action] === $undefined ? message.action : $root.xdr.v1.FileEvent.Action[message.action] : message.action;
                if (message.path != null && $Object.hasOwnProperty.call(message, "path"))
                    object.path = message.path;
                if (message.oldPath != null && $Object.hasOwnProperty.call(message, "oldPath"))
                    object.oldPath = message.oldPath;
                if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.size = typeof message.size === "number" ? $BigInt(message.size) : $util.Long.fromBits(message.size.low >>> 0, message.size.high >>> 0, true).toBigInt();
                    else if (typeof message.size === "number")
                        object.size = options.longs === $String ? $String(message.size) : message.size;
                    else
                        object.size = options.longs === $String ? $util.Long.prototype.toString.call(message.size) : options.longs === $Number ? new $util.LongBits(message.size.low >>> 0, message.size.high >>> 0).toNumber(true) : message.size;
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    object.mode = message.mode;
                if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                    object.owner = message.owner;
                if (message.hashSha256 != null && $Object.hasOwnProperty.call(message, "hashSha256"))
                    object.hashSha256 = message.hashSha256;
                if (message.process != null && $Object.hasOwnProperty.call(message, "process"))
                    object.process = $root.xdr.v1.ProcessRef.toObject(message.process, options, _depth + 1);
                if (message.modeSet != null && $Object.hasOwnProperty.call(message, "modeSet"))
                    object.modeSet = message.modeSet;
                return object;
            };

            /**
             * Converts this FileEvent to JSON.
             * @function toJSON
             * @memberof xdr.v1.FileEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            FileEvent.prototype.toJSON = function() {
                return FileEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Action enum.
             * @name xdr.v1.FileEvent.Action
             * @enum {number}
             * @property {number} ACTION_UNSPECIFIED=0 ACTION_UNSPECIFIED value
             * @property {number} CREATE=1 CREATE value
             * @property {number} MODIFY=2 MODIFY value
             * @property {number} DELETE=3 DELETE value
             * @property {number} RENAME=4 RENAME value
             * @property {number} CHMOD=5 CHMOD value
             */
            FileEvent.Action = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "ACTION_UNSPECIFIED"] = 0;
                values[valuesById[1] = "CREATE"] = 1;
                values[valuesById[2] = "MODIFY"] = 2;
                values[valuesById[3] = "DELETE"] = 3;
                values[valuesById[4] = "RENAME"] = 4;
                values[valuesById[5] = "CHMOD"] = 5;
                return values;
            })();

            return FileEvent;
        })();

        v1.NetworkEvent = (function() {

            /**
             * Properties of a NetworkEvent.
             * @typedef {Object} xdr.v1.NetworkEvent.$Properties
             * @property {xdr.v1.NetworkEvent.Action|null} [action] NetworkEvent action
             * @property {string|null} [transport] NetworkEvent transport
             * @property {xdr.v1.NetworkEvent.Direction|null} [direction] NetworkEvent direction
             * @property {string|null} [sourceIp] NetworkEvent sourceIp
             * @property {number|null} [sourcePort] NetworkEvent sourcePort
             * @property {string|null} [destinationIp] NetworkEvent destinationIp
             * @property {number|null} [destinationPort] NetworkEvent destinationPort
             * @property {string|null} [destinationDomain] NetworkEvent destinationDomain
             * @property {xdr.v1.ProcessRef.$Properties|null} [process] NetworkEvent process
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NetworkEvent.
             * @memberof xdr.v1
             * @interface INetworkEvent
             * @augments xdr.v1.NetworkEvent.$Properties
             * @deprecated Use xdr.v1.NetworkEvent.$Properties instead.
             */

            /**
             * Shape of a NetworkEvent.
             * @typedef {xdr.v1.NetworkEvent.$Properties} xdr.v1.NetworkEvent.$Shape
             */

            /**
             * Constructs a new NetworkEvent.
             * @memberof xdr.v1
             * @classdesc Represents a NetworkEvent.
             * @constructor
             * @param {xdr.v1.NetworkEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NetworkEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NetworkEvent action.
             * @member {xdr.v1.NetworkEvent.Action} action
             * @memberof xdr.v1.NetworkEvent
             * @instance
             */
            NetworkEvent.prototype.action = 0;

            /**
             * NetworkEvent transport.
             * @member {string} transport
             * @memberof xdr.v1.NetworkEvent
             * @instance
             */
            NetworkEvent.prototype.transport = "";

            /**
             * NetworkEvent direction.
             * @member {xdr.v1.NetworkEvent.Direction} direction
             * @memberof xdr.v1.NetworkEvent
             * @instance
             */
            NetworkEvent.prototype.direction = 0;

            /**
             * NetworkEvent sourceIp.
             * @member {string} sourceIp
             * @memberof xdr.v1.NetworkEvent
             * @instance
             */
            NetworkEvent.prototype.sourceIp = "";

            /**
             * NetworkEvent sourcePort.
             * @member {number} sourcePort
             * @memberof xdr.v1.NetworkEvent
             * @instance
             */
            NetworkEvent.prototype.sourcePort = 0;

            /**
             * NetworkEvent destinationIp.
             * @member {string} destinationIp
             * @memberof xdr.v1.NetworkEvent
             * @instance
             */
            NetworkEvent.prototype.destinationIp = "";

            /**
             * NetworkEvent destinationPort.
             * @member {number} destinationPort
             * @memberof xdr.v1.NetworkEvent
             * @instance
             */
            NetworkEvent.prototype.destinationPort = 0;

            /**
             * NetworkEvent destinationDomain.
             * @member {string} destinationDomain
             * @memberof xdr.v1.NetworkEvent
             * @instance
             */
            NetworkEvent.prototype.destinationDomain = "";

            /**
             * NetworkEvent process.
             * @member {xdr.v1.ProcessRef.$Properties|null|undefined} process
             * @memberof xdr.v1.NetworkEvent
             * @instance
             */
            NetworkEvent.prototype.process = null;

            /**
             * Creates a new NetworkEvent instance using the specified properties.
             * @function create
             * @memberof xdr.v1.NetworkEvent
             * @static
             * @param {xdr.v1.NetworkEvent.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.NetworkEvent} NetworkEvent instance
             * @type {{
             *   (properties: xdr.v1.NetworkEvent.$Shape): xdr.v1.NetworkEvent & xdr.v1.NetworkEvent.$Shape;
             *   (properties?: xdr.v1.NetworkEvent.$Properties): xdr.v1.NetworkEvent;
             * }}
             */
            NetworkEvent.create = function(properties) {
                return new NetworkEvent(properties);
            };

            /**
             * Encodes the specified NetworkEvent message. Does not implicitly {@link xdr.v1.NetworkEvent.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.NetworkEvent
             * @static
             * @param {xdr.v1.NetworkEvent.$Properties} message NetworkEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetworkEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.action != null && $Object.hasOwnProperty.call(message, "action") && message.action !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.action);
                if (message.transport != null && $Object.hasOwnProperty.call(message, "transport") && message.transport !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.transport);
                if (message.direction != null && $Object.hasOwnProperty.call(message, "direction") && message.direction !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.direction);
                if (message.sourceIp != null && $Object.hasOwnProperty.call(message, "sourceIp") && message.sourceIp !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.sourceIp);
                if (message.sourcePort != null && $Object.hasOwnProperty.call(message, "sourcePort") && message.sourcePort !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.sourcePort);
                if (message.destinationIp != null && $Object.hasOwnProperty.call(message, "destinationIp") && message.destinationIp !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.destinationIp);
                if (message.destinationPort != null && $Object.hasOwnProperty.call(message, "destinationPort") && message.destinationPort !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.destinationPort);
                if (message.destinationDomain != null && $Object.hasOwnProperty.call(message, "destinationDomain") && message.destinationDomain !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.destinationDomain);
                if (message.process != null && $Object.hasOwnProperty.call(message, "process"))
                    $root.xdr.v1.ProcessRef.encode(message.process, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified NetworkEvent message, length delimited. Does not implicitly {@link xdr.v1.NetworkEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.NetworkEvent
             * @static
             * @param {xdr.v1.NetworkEvent.$Properties} message NetworkEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetworkEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a NetworkEvent message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.NetworkEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.NetworkEvent & xdr.v1.NetworkEvent.$Shape} NetworkEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetworkEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.NetworkEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.action = value;
                            else
                                delete message.action;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.transport = value;
                            else
                                delete message.transport;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.direction = value;
                            else
                                delete message.direction;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sourceIp = value;
                            else
                                delete message.sourceIp;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.sourcePort = value;
                            else
                                delete message.sourcePort;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.destinationIp = value;
                            else
                                delete message.destinationIp;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.destinationPort = value;
                            else
                                delete message.destinationPort;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.destinationDomain = value;
                            else
                                delete message.destinationDomain;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.process = $root.xdr.v1.ProcessRef.decode(reader, reader.size(), $undefined, _depth + 1, message.process);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a NetworkEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.NetworkEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.NetworkEvent & xdr.v1.NetworkEvent.$Shape} NetworkEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetworkEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a NetworkEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.NetworkEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.NetworkEvent} NetworkEvent
             */
            NetworkEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.NetworkEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.NetworkEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.NetworkEvent();
                if (object.action !== 0 && (typeof object.action !== "string" || $root.xdr.v1.NetworkEvent.Action[object.action] !== 0))
                    switch (object.action) {
                    case "ACTION_UNSPECIFIED":
                    case 0:
                        message.action = 0;
                        break;
                    case "CONNECT":
                    case 1:
                        message.action = 1;
                        break;
                    case "ACCEPT":
                    case 2:
                        message.action = 2;
                        break;
                    case "LISTEN":
                    case 3:
                        message.action = 3;
                        break;
                    case "CLOSE":
                    case 4:
                        message.action = 4;
                        break;
                    default:
                        if (typeof object.action === "number" && (object.action | 0) === object.action)
                            message.action = object.action;
                    }
                if (object.transport != null)
                    if (typeof object.transport !== "string" || object.transport.length)
                        message.transport = $String(object.transport);
                if (object.direction !== 0 && (typeof object.direction !== "string" || $root.xdr.v1.NetworkEvent.Direction[object.direction] !== 0))
                    switch (object.direction) {
                    case "DIRECTION_UNSPECIFIED":
                    case 0:
                        message.direction = 0;
                        break;
                    case "OUTBOUND":
                    case 1:
                        message.direction = 1;
                        break;
                    case "INBOUND":
                    case 2:
                        message.direction = 2;
                        break;
                    default:
                        if (typeof object.direction === "number" && (object.direction | 0) === object.direction)
                            message.direction = object.direction;
                    }
                if (object.sourceIp != null)
                    if (typeof object.sourceIp !== "string" || object.sourceIp.length)
                        message.sourceIp = $String(object.sourceIp);
                if (object.sourcePort != null)
                    if ($Number(object.sourcePort) !== 0)
                        message.sourcePort = object.sourcePort >>> 0;
                if (object.destinationIp != null)
                    if (typeof object.destinationIp !== "string" || object.destinationIp.length)
                        message.destinationIp = $String(object.destinationIp);
                if (object.destinationPort != null)
                    if ($Number(object.destinationPort) !== 0)
                        message.destinationPort = object.destinationPort >>> 0;
                if (object.destinationDomain != null)
                    if (typeof object.destinationDomain !== "string" || object.destinationDomain.length)
                        message.destinationDomain = $String(object.destinationDomain);
                if (object.process != null) {
                    if (!$util.isObject(object.process))
                        throw $TypeError(".xdr.v1.NetworkEvent.process: object expected");
                    message.process = $root.xdr.v1.ProcessRef.fromObject(object.process, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a NetworkEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.NetworkEvent
             * @static
             * @param {xdr.v1.NetworkEvent} message NetworkEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            NetworkEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.action = options.enums === $String ? "ACTION_UNSPECIFIED" : 0;
                    object.transport = "";
                    object.direction = options.enums === $String ? "DIRECTION_UNSPECIFIED" : 0;
                    object.sourceIp = "";
                    object.sourcePort = 0;
                    object.destinationIp = "";
                    object.destinationPort = 0;
                    object.destinationDomain = "";
                    object.process = null;
                }
                if (message.action != null && $Object.hasOwnProperty.call(message, "action"))
                    object.action = options.enums === $String ? $root.xdr.v1.NetworkEvent.Action[message.action] === $undefined ? message.action : $root.xdr.v1.NetworkEvent.Action[message.action] : message.action;
                if (message.transport != null && $Object.hasOwnProperty.call(message, "transport"))
                    object.transport = message.transport;
                if (message.direction != null && $Object.hasOwnProperty.call(message, "direction"))
                    object.direction = options.enums === $String ? $root.xdr.v1.NetworkEvent.Direction[message.direction] === $undefined ? message.direction : $root.xdr.v1.NetworkEvent.Direction[message.direction] : message.direction;
                if (message.sourceIp != null && $Object.hasOwnProperty.call(message, "sourceIp"))
                    object.sourceIp = message.sourceIp;
                if (message.sourcePort != null && $Object.hasOwnProperty.call(message, "sourcePort"))
                    object.sourcePort = message.sourcePort;
                if (message.destinationIp != null && $Object.hasOwnProperty.call(message, "destinationIp"))
                    object.destinationIp = message.destinationIp;
                if (message.destinationPort != null && $Object.hasOwnProperty.call(message, "destinationPort"))
                    object.destinationPort = message.destinationPort;
                if (message.destinationDomain != null && $Object.hasOwnProperty.call(message, "destinationDomain"))
                    object.destinationDomain = message.destinationDomain;
                if (message.process != null && $Object.hasOwnProperty.call(message, "process"))
                    object.process = $root.xdr.v1.ProcessRef.toObject(message.process, options, _depth + 1);
                return object;
            };

            /**
             * Converts this NetworkEvent to JSON.
             * @function toJSON
             * @memberof xdr.v1.NetworkEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            NetworkEvent.prototype.toJSON = function() {
                return NetworkEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Action enum.
             * @name xdr.v1.NetworkEvent.Action
             * @enum {number}
             * @property {number} ACTION_UNSPECIFIED=0 ACTION_UNSPECIFIED value
             * @property {number} CONNECT=1 CONNECT value
             * @property {number} ACCEPT=2 ACCEPT value
             * @property {number} LISTEN=3 LISTEN value
             * @property {number} CLOSE=4 CLOSE value
             */
            NetworkEvent.Action = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "ACTION_UNSPECIFIED"] = 0;
                values[valuesById[1] = "CONNECT"] = 1;
                values[valuesById[2] = "ACCEPT"] = 2;
                values[valuesById[3] = "LISTEN"] = 3;
                values[valuesById[4] = "CLOSE"] = 4;
                return values;
            })();

            /**
             * Direction enum.
             * @name xdr.v1.NetworkEvent.Direction
             * @enum {number}
             * @property {number} DIRECTION_UNSPECIFIED=0 DIRECTION_UNSPECIFIED value
             * @property {number} OUTBOUND=1 OUTBOUND value
             * @property {number} INBOUND=2 INBOUND value
             */
            NetworkEvent.Direction = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "DIRECTION_UNSPECIFIED"] = 0;
                values[valuesById[1] = "OUTBOUND"] = 1;
                values[valuesById[2] = "INBOUND"] = 2;
                return values;
            })();

            return NetworkEvent;
        })();

        v1.LoginEvent = (function() {

            /**
             * Properties of a LoginEvent.
             * @typedef {Object} xdr.v1.LoginEvent.$Properties
             * @property {xdr.v1.LoginEvent.Outcome|null} [outcome] LoginEvent outcome
             * @property {string|null} [userName] LoginEvent userName
             * @property {string|null} [sourceIp] LoginEvent sourceIp
             * @property {number|null} [sourcePort] LoginEvent sourcePort
             * @property {string|null} [method] LoginEvent method
             * @property {string|null} [service] LoginEvent service
             * @property {xdr.v1.ProcessRef.$Properties|null} [process] LoginEvent process
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LoginEvent.
             * @memberof xdr.v1
             * @interface ILoginEvent
             * @augments xdr.v1.LoginEvent.$Properties
             * @deprecated Use xdr.v1.LoginEvent.$Properties instead.
             */

            /**
             * Shape of a LoginEvent.
             * @typedef {xdr.v1.LoginEvent.$Properties} xdr.v1.LoginEvent.$Shape
             */

            /**
             * Constructs a new LoginEvent.
             * @memberof xdr.v1
             * @classdesc Represents a LoginEvent.
             * @constructor
             * @param {xdr.v1.LoginEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LoginEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LoginEvent outcome.
             * @member {xdr.v1.LoginEvent.Outcome} outcome
             * @memberof xdr.v1.LoginEvent
             * @instance
             */
            LoginEvent.prototype.outcome = 0;

            /**
             * LoginEvent userName.
             * @member {string} userName
             * @memberof xdr.v1.LoginEvent
             * @instance
             */
            LoginEvent.prototype.userName = "";

            /**
             * LoginEvent sourceIp.
             * @member {string} sourceIp
             * @memberof xdr.v1.LoginEvent
             * @instance
             */
            LoginEvent.prototype.sourceIp = "";

            /**
             * LoginEvent sourcePort.
             * @member {number} sourcePort
             * @memberof xdr.v1.LoginEvent
             * @instance
             */
            LoginEvent.prototype.sourcePort = 0;

            /**
             * LoginEvent method.
             * @member {string} method
             * @memberof xdr.v1.LoginEvent
             * @instance
             */
            LoginEvent.prototype.method = "";

            /**
             * LoginEvent service.
             * @member {string} service
             * @memberof xdr.v1.LoginEvent
             * @instance
             */
            LoginEvent.prototype.service = "";

            /**
             * LoginEvent process.
             * @member {xdr.v1.ProcessRef.$Properties|null|undefined} process
             * @memberof xdr.v1.LoginEvent
             * @instance
             */
            LoginEvent.prototype.process = null;

            /**
             * Creates a new LoginEvent instance using the specified properties.
             * @function create
             * @memberof xdr.v1.LoginEvent
             * @static
             * @param {xdr.v1.LoginEvent.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.LoginEvent} LoginEvent instance
             * @type {{
             *   (properties: xdr.v1.LoginEvent.$Shape): xdr.v1.LoginEvent & xdr.v1.LoginEvent.$Shape;
             *   (properties?: xdr.v1.LoginEvent.$Properties): xdr.v1.LoginEvent;
             * }}
             */
            LoginEvent.create = function(properties) {
                return new LoginEvent(properties);
            };

            /**
             * Encodes the specified LoginEvent message. Does not implicitly {@link xdr.v1.LoginEvent.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.LoginEvent
             * @static
             * @param {xdr.v1.LoginEvent.$Properties} message LoginEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LoginEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome") && message.outcome !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.outcome);
                if (message.userName != null && $Object.hasOwnProperty.call(message, "userName") && message.userName !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.userName);
                if (message.sourceIp != null && $Object.hasOwnProperty.call(message, "sourceIp") && message.sourceIp !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.sourceIp);
                if (message.sourcePort != null && $Object.hasOwnProperty.call(message, "sourcePort") && message.sourcePort !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.sourcePort);
                if (message.method != null && $Object.hasOwnProperty.call(message, "method") && message.method !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.method);
                if (message.service != null && $Object.hasOwnProperty.call(message, "service") && message.service !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.service);
                if (message.process != null && $Object.hasOwnProperty.call(message, "process"))
                    $root.xdr.v1.ProcessRef.encode(message.process, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified LoginEvent message, length delimited. Does not implicitly {@link xdr.v1.LoginEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.LoginEvent
             * @static
             * @param {xdr.v1.LoginEvent.$Properties} message LoginEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LoginEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a LoginEvent message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.LoginEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.LoginEvent & xdr.v1.LoginEvent.$Shape} LoginEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LoginEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.LoginEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.outcome = value;
                            else
                                delete message.outcome;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userName = value;
                            else
                                delete message.userName;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sourceIp = value;
                            else
                                delete message.sourceIp;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.sourcePort = value;
                            else
                                delete message.sourcePort;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.method = value;
                            else
                                delete message.method;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.service = value;
                            else
                                delete message.service;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.process = $root.xdr.v1.ProcessRef.decode(reader, reader.size(), $undefined, _depth + 1, message.process);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a LoginEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.LoginEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.LoginEvent & xdr.v1.LoginEvent.$Shape} LoginEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LoginEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a LoginEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.LoginEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.LoginEvent} LoginEvent
             */
            LoginEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.LoginEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.LoginEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.LoginEvent();
                if (object.outcome !== 0 && (typeof object.outcome !== "string" || $root.xdr.v1.LoginEvent.Outcome[object.outcome] !== 0))
                    switch (object.outcome) {
                    case "OUTCOME_UNSPECIFIED":
                    case 0:
                        message.outcome = 0;
                        break;
                    case "SUCCESS":
                    case 1:
                        message.outcome = 1;
                        break;
                    case "FAILURE":
                    case 2:
                        message.outcome = 2;
                        break;
                    default:
                        if (typeof object.outcome === "number" && (object.outcome | 0) === object.outcome)
                            message.outcome = object.outcome;
                    }
                if (object.userName != null)
                    if (typeof object.userName !== "string" || object.userName.length)
                        message.userName = $String(object.userName);
                if (object.sourceIp != null)
                    if (typeof object.sourceIp !== "string" || object.sourceIp.length)
                        message.sourceIp = $String(object.sourceIp);
                if (object.sourcePort != null)
                    if ($Number(object.sourcePort) !== 0)
                        message.sourcePort = object.sourcePort >>> 0;
                if (object.method != null)
                    if (typeof object.method !== "string" || object.method.length)
                        message.method = $String(object.method);
                if (object.service != null)
                    if (typeof object.service !== "string" || object.service.length)
                        message.service = $String(object.service);
                if (object.process != null) {
                    if (!$util.isObject(object.process))
                        throw $TypeError(".xdr.v1.LoginEvent.process: object expected");
                    message.process = $root.xdr.v1.ProcessRef.fromObject(object.process, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a LoginEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.LoginEvent
             * @static
             * @param {xdr.v1.LoginEvent} message LoginEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LoginEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.outcome = options.enums === $String ? "OUTCOME_UNSPECIFIED" : 0;
                    object.userName = "";
                    object.sourceIp = "";
                    object.sourcePort = 0;
                    object.method = "";
                    object.service = "";
                    object.process = null;
                }
                if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome"))
                    object.outcome = options.enums === $String ? $root.xdr.v1.LoginEvent.Outcome[message.outcome] === $undefined ? message.outcome : $root.xdr.v1.LoginEvent.Outcome[message.outcome] : message.outcome;
                if (message.userName != null && $Object.hasOwnProperty.call(message, "userName"))
                    object.userName = message.userName;
                if (message.sourceIp != null && $Object.hasOwnProperty.call(message, "sourceIp"))
                    object.sourceIp = message.sourceIp;
                if (message.sourcePort != null && $Object.hasOwnProperty.call(message, "sourcePort"))
                    object.sourcePort = message.sourcePort;
                if (message.method != null && $Object.hasOwnProperty.call(message, "method"))
                    object.method = message.method;
                if (message.service != null && $Object.hasOwnProperty.call(message, "service"))
                    object.service = message.service;
                if (message.process != null && $Object.hasOwnProperty.call(message, "process"))
                    object.process = $root.xdr.v1.ProcessRef.toObject(message.process, options, _depth + 1);
                return object;
            };

            /**
             * Converts this LoginEvent to JSON.
             * @function toJSON
             * @memberof xdr.v1.LoginEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LoginEvent.prototype.toJSON = function() {
                return LoginEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Outcome enum.
             * @name xdr.v1.LoginEvent.Outcome
             * @enum {number}
             * @property {number} OUTCOME_UNSPECIFIED=0 OUTCOME_UNSPECIFIED value
             * @property {number} SUCCESS=1 SUCCESS value
             * @property {number} FAILURE=2 FAILURE value
             */
            LoginEvent.Outcome = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "OUTCOME_UNSPECIFIED"] = 0;
                values[valuesById[1] = "SUCCESS"] = 1;
                values[valuesById[2] = "FAILURE"] = 2;
                return values;
            })();

            return LoginEvent;
        })();

        v1.AgentNotice = (function() {

            /**
             * Properties of an AgentNotice.
             * @typedef {Object} xdr.v1.AgentNotice.$Properties
             * @property {string|null} [code] AgentNotice code
             * @property {string|null} [message] AgentNotice message
             * @property {number|Long|null} [count] AgentNotice count
             * @property {string|null} [sensor] AgentNotice sensor
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AgentNotice.
             * @memberof xdr.v1
             * @interface IAgentNotice
             * @augments xdr.v1.AgentNotice.$Properties
             * @deprecated Use xdr.v1.AgentNotice.$Properties instead.
             */

            /**
             * Shape of an AgentNotice.
             * @typedef {xdr.v1.AgentNotice.$Properties} xdr.v1.AgentNotice.$Shape
             */

            /**
             * Constructs a new AgentNotice.
             * @memberof xdr.v1
             * @classdesc Represents an AgentNotice.
             * @constructor
             * @param {xdr.v1.AgentNotice.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AgentNotice = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AgentNotice code.
             * @member {string} code
             * @memberof xdr.v1.AgentNotice
             * @instance
             */
            AgentNotice.prototype.code = "";

            /**
             * AgentNotice message.
             * @member {string} message
             * @memberof xdr.v1.AgentNotice
             * @instance
             */
            AgentNotice.prototype.message = "";

            /**
             * AgentNotice count.
             * @member {number|Long} count
             * @memberof xdr.v1.AgentNotice
             * @instance
             */
            AgentNotice.prototype.count = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AgentNotice sensor.
             * @member {string} sensor
             * @memberof xdr.v1.AgentNotice
             * @instance
             */
            AgentNotice.prototype.sensor = "";

            /**
             * Creates a new AgentNotice instance using the specified properties.
             * @function create
             * @memberof xdr.v1.AgentNotice
             * @static
             * @param {xdr.v1.AgentNotice.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.AgentNotice} AgentNotice instance
             * @type {{
             *   (properties: xdr.v1.AgentNotice.$Shape): xdr.v1.AgentNotice & xdr.v1.AgentNotice.$Shape;
             *   (properties?: xdr.v1.AgentNotice.$Properties): xdr.v1.AgentNotice;
             * }}
             */
            AgentNotice.create = function(properties) {
                return new AgentNotice(properties);
            };

            /**
             * Encodes the specified AgentNotice message. Does not implicitly {@link xdr.v1.AgentNotice.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.AgentNotice
             * @static
             * @param {xdr.v1.AgentNotice.$Properties} message AgentNotice message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentNotice.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.count != null && $Object.hasOwnProperty.call(message, "count") && (typeof message.count === "object" ? message.count.low || message.count.high : message.count !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.count);
                if (message.sensor != null && $Object.hasOwnProperty.call(message, "sensor") && message.sensor !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.sensor);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified AgentNotice message, length delimited. Does not implicitly {@link xdr.v1.AgentNotice.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.AgentNotice
             * @static
             * @param {xdr.v1.AgentNotice.$Properties} message AgentNotice message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentNotice.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AgentNotice message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.AgentNotice
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.AgentNotice & xdr.v1.AgentNotice.$Shape} AgentNotice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentNotice.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.AgentNotice();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.count = value;
                            else
                                delete message.count;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sensor = value;
                            else
                                delete message.sensor;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an AgentNotice message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.AgentNotice
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.AgentNotice & xdr.v1.AgentNotice.$Shape} AgentNotice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentNotice.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates an AgentNotice message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.AgentNotice
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.AgentNotice} AgentNotice
             */
            AgentNotice.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.AgentNotice)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.AgentNotice: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.AgentNotice();
                if (object.code != null)
                    if (typeof object.code !== "string" || object.code.length)
                        message.code = $String(object.code);
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.count != null)
                    if (typeof object.count === "object" ? object.count.low || object.count.high : $Number(object.count) !== 0)
                        if ($util.Long)
                            message.count = $util.Long.fromValue(object.count, true);
                        else if (typeof object.count === "string")
                            message.count = $parseInt(object.count, 10);
                        else if (typeof object.count === "number")
                            message.count = object.count;
                        else if (typeof object.count === "object")
                            message.count = new $util.LongBits(object.count.low >>> 0, object.count.high >>> 0).toNumber(true);
                if (object.sensor != null)
                    if (typeof object.sensor !== "string" || object.sensor.length)
                        message.sensor = $String(object.sensor);
                return message;
            };

            /**
             * Creates a plain object from an AgentNotice message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.AgentNotice
             * @static
             * @param {xdr.v1.AgentNotice} message AgentNotice
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentNotice.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = "";
                    object.message = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.count = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.count = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.sensor = "";
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.count != null && $Object.hasOwnProperty.call(message, "count"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.count = typeof message.count === "number" ? $BigInt(message.count) : $util.Long.fromBits(message.count.low >>> 0, message.count.high >>> 0, true).toBigInt();
                    else if (typeof message.count === "number")
                        object.count = options.longs === $String ? $String(message.count) : message.count;
                    else
                        object.count = options.longs === $String ? $util.Long.prototype.toString.call(message.count) : options.longs === $Number ? new $util.LongBits(message.count.low >>> 0, message.count.high >>> 0).toNumber(true) : message.count;
                if (message.sensor != null && $Object.hasOwnProperty.call(message, "sensor"))
                    object.sensor = message.sensor;
                return object;
            };

            /**
             * Converts this AgentNotice to JSON.
             * @function toJSON
             * @memberof xdr.v1.AgentNotice
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentNotice.prototype.toJSON = function() {
                return AgentNotice.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentNotice;
        })();

        v1.Command = (function() {

            /**
             * Properties of a Command.
             * @typedef {Object} xdr.v1.Command.$Properties
             * @property {string|null} [actionId] Command actionId
             * @property {string|null} [agentId] Command agentId
             * @property {string|null} [action] Command action
             * @property {Uint8Array|null} [paramsJson] Command paramsJson
             * @property {Uint8Array|null} [nonce] Command nonce
             * @property {number|Long|null} [expiresAtMs] Command expiresAtMs
             * @property {Uint8Array|null} [signature] Command signature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Command.
             * @memberof xdr.v1
             * @interface ICommand
             * @augments xdr.v1.Command.$Properties
             * @deprecated Use xdr.v1.Command.$Properties instead.
             */

            /**
             * Shape of a Command.
             * @typedef {xdr.v1.Command.$Properties} xdr.v1.Command.$Shape
             */

            /**
             * Constructs a new Command.
             * @memberof xdr.v1
             * @classdesc Represents a Command.
             * @constructor
             * @param {xdr.v1.Command.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Command = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Command actionId.
             * @member {string} actionId
             * @memberof xdr.v1.Command
             * @instance
             */
            Command.prototype.actionId = "";

            /**
             * Command agentId.
             * @member {string} agentId
             * @memberof xdr.v1.Command
             * @instance
             */
            Command.prototype.agentId = "";

            /**
             * Command action.
             * @member {string} action
             * @memberof xdr.v1.Command
             * @instance
             */
            Command.prototype.action = "";

            /**
             * Command paramsJson.
             * @member {Uint8Array} paramsJson
             * @memberof xdr.v1.Command
             * @instance
             */
            Command.prototype.paramsJson = $util.newBuffer([]);

            /**
             * Command nonce.
             * @member {Uint8Array} nonce
             * @memberof xdr.v1.Command
             * @instance
             */
            Command.prototype.nonce = $util.newBuffer([]);

            /**
             * Command expiresAtMs.
             * @member {number|Long} expiresAtMs
             * @memberof xdr.v1.Command
             * @instance
             */
            Command.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Command signature.
             * @member {Uint8Array} signature
             * @memberof xdr.v1.Command
             * @instance
             */
            Command.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new Command instance using the specified properties.
             * @function create
             * @memberof xdr.v1.Command
             * @static
             * @param {xdr.v1.Command.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.Command} Command instance
             * @type {{
             *   (properties: xdr.v1.Command.$Shape): xdr.v1.Command & xdr.v1.Command.$Shape;
             *   (properties?: xdr.v1.Command.$Properties): xdr.v1.Command;
             * }}
             */
            Command.create = function(properties) {
                return new Command(properties);
            };

            /**
             * Encodes the specified Command message. Does not implicitly {@link xdr.v1.Command.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.Command
             * @static
             * @param {xdr.v1.Command.$Properties} message Command message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Command.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.actionId != null && $Object.hasOwnProperty.call(message, "actionId") && message.actionId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.actionId);
                if (message.agentId != null && $Object.hasOwnProperty.call(message, "agentId") && message.agentId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.agentId);
                if (message.action != null && $Object.hasOwnProperty.call(message, "action") && message.action !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.action);
                if (message.paramsJson != null && $Object.hasOwnProperty.call(message, "paramsJson") && message.paramsJson.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.paramsJson);
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.nonce);
                if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs") && (typeof message.expiresAtMs === "object" ? message.expiresAtMs.low || message.expiresAtMs.high : message.expiresAtMs !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.expiresAtMs);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.signature);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Command message, length delimited. Does not implicitly {@link xdr.v1.Command.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.Command
             * @static
             * @param {xdr.v1.Command.$Properties} message Command message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Command.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Command message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.Command
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.Command & xdr.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Command.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.Command();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.actionId = value;
                            else
                                delete message.actionId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.agentId = value;
                            else
                                delete message.agentId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.action = value;
                            else
                                delete message.action;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.paramsJson = value;
                            else
                                delete message.paramsJson;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.expiresAtMs = value;
                            else
                                delete message.expiresAtMs;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Command message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.Command
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.Command & xdr.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Command.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a Command message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.Command
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.Command} Command
             */
            Command.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.Command)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.Command: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.Command();
                if (object.actionId != null)
                    if (typeof object.actionId !== "string" || object.actionId.length)
                        message.actionId = $String(object.actionId);
                if (object.agentId != null)
                    if (typeof object.agentId !== "string" || object.agentId.length)
                        message.agentId = $String(object.agentId);
                if (object.action != null)
                    if (typeof object.action !== "string" || object.action.length)
                        message.action = $String(object.action);
                if (object.paramsJson != null)
                    if (object.paramsJson.length)
                        if (typeof object.paramsJson === "string")
                            $util.base64.decode(object.paramsJson, message.paramsJson = $util.newBuffer($util.base64.length(object.paramsJson)), 0);
                        else if (object.paramsJson.length >= 0)
                            message.paramsJson = object.paramsJson;
                if (object.nonce != null)
                    if (object.nonce.length)
                        if (typeof object.nonce === "string")
                            $util.base64.decode(object.nonce, message.nonce = $util.newBuffer($util.base64.length(object.nonce)), 0);
                        else if (object.nonce.length >= 0)
                            message.nonce = object.nonce;
                if (object.expiresAtMs != null)
                    if (typeof object.expiresAtMs === "object" ? object.expiresAtMs.low || object.expiresAtMs.high : $Number(object.expiresAtMs) !== 0)
                        if ($util.Long)
                            message.expiresAtMs = $util.Long.fromValue(object.expiresAtMs, true);
                        else if (typeof object.expiresAtMs === "string")
                            message.expiresAtMs = $parseInt(object.expiresAtMs, 10);
                        else if (typeof object.expiresAtMs === "number")
                            message.expiresAtMs = object.expiresAtMs;
                        else if (typeof object.expiresAtMs === "object")
                            message.expiresAtMs = new $util.LongBits(object.expiresAtMs.low >>> 0, object.expiresAtMs.high >>> 0).toNumber(true);
                if (object.signature != null)
                    if (object.signature.length)
                        if (typeof object.signature === "string")
                            $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                        else if (object.signature.length >= 0)
                            message.signature = object.signature;
                return message;
            };

            /**
             * Creates a plain object from a Command message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.Command
             * @static
             * @param {xdr.v1.Command} message Command
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Command.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.actionId = "";
                    object.agentId = "";
                    object.action = "";
                    if (options.bytes === $String)
                        object.paramsJson = "";
                    else {
                        object.paramsJson = [];
                        if (options.bytes !== $Array)
                            object.paramsJson = $util.newBuffer(object.paramsJson);
                    }
                    if (options.bytes === $String)
                        object.nonce = "";
                    else {
                        object.nonce = [];
                        if (options.bytes !== $Array)
                            object.nonce = $util.newBuffer(object.nonce);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.expiresAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.expiresAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.signature = "";
                    else {
                        object.signature = [];
                        if (options.bytes !== $Array)
                            object.signature = $util.newBuffer(object.signature);
                    }
                }
                if (message.actionId != null && $Object.hasOwnProperty.call(message, "actionId"))
                    object.actionId = message.actionId;
                if (message.agentId != null && $Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                if (message.action != null && $Object.hasOwnProperty.call(message, "action"))
                    object.action = message.action;
                if (message.paramsJson != null && $Object.hasOwnProperty.call(message, "paramsJson"))
                    object.paramsJson = options.bytes === $String ? $util.base64.encode(message.paramsJson, 0, message.paramsJson.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.paramsJson) : message.paramsJson;
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                    object.nonce = options.bytes === $String ? $util.base64.encode(message.nonce, 0, message.nonce.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.nonce) : message.nonce;
                if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.expiresAtMs = typeof message.expiresAtMs === "number" ? $BigInt(message.expiresAtMs) : $util.Long.fromBits(message.expiresAtMs.low >>> 0, message.expiresAtMs.high >>> 0, true).toBigInt();
                    else if (typeof message.expiresAtMs === "number")
                        object.expiresAtMs = options.longs === $String ? $String(message.expiresAtMs) : message.expiresAtMs;
                    else
                        object.expiresAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.expiresAtMs) : options.longs === $Number ? new $util.LongBits(message.expiresAtMs.low >>> 0, message.expiresAtMs.high >>> 0).toNumber(true) : message.expiresAtMs;
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
                return object;
            };

            /**
             * Converts this Command to JSON.
             * @function toJSON
             * @memberof xdr.v1.Command
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Command.prototype.toJSON = function() {
                return Command.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Command;
        })();

        v1.CommandResult = (function() {

            /**
             * Properties of a CommandResult.
             * @typedef {Object} xdr.v1.CommandResult.$Properties
             * @property {string|null} [actionId] CommandResult actionId
             * @property {xdr.v1.CommandResult.Status|null} [status] CommandResult status
             * @property {Uint8Array|null} [resultJson] CommandResult resultJson
             * @property {string|null} [error] CommandResult error
             * @property {Uint8Array|null} [chunk] CommandResult chunk
             * @property {number|Long|null} [chunkOffset] CommandResult chunkOffset
             * @property {boolean|null} [lastChunk] CommandResult lastChunk
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CommandResult.
             * @memberof xdr.v1
             * @interface ICommandResult
             * @augments xdr.v1.CommandResult.$Properties
             * @deprecated Use xdr.v1.CommandResult.$Properties instead.
             */

            /**
             * Shape of a CommandResult.
             * @typedef {xdr.v1.CommandResult.$Properties} xdr.v1.CommandResult.$Shape
             */

            /**
             * Constructs a new CommandResult.
             * @memberof xdr.v1
             * @classdesc Represents a CommandResult.
             * @constructor
             * @param {xdr.v1.CommandResult.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CommandResult = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CommandResult actionId.
             * @member {string} actionId
             * @memberof xdr.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.actionId = "";

            /**
             * CommandResult status.
             * @member {xdr.v1.CommandResult.Status} status
             * @memberof xdr.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.status = 0;

            /**
             * CommandResult resultJson.
             * @member {Uint8Array} resultJson
             * @memberof xdr.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.resultJson = $util.newBuffer([]);

            /**
             * CommandResult error.
             * @member {string} error
             * @memberof xdr.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.error = "";

            /**
             * CommandResult chunk.
             * @member {Uint8Array} chunk
             * @memberof xdr.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.chunk = $util.newBuffer([]);

            /**
             * CommandResult chunkOffset.
             * @member {number|Long} chunkOffset
             * @memberof xdr.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.chunkOffset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CommandResult lastChunk.
             * @member {boolean} lastChunk
             * @memberof xdr.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.lastChunk = false;

            /**
             * Creates a new CommandResult instance using the specified properties.
             * @function create
             * @memberof xdr.v1.CommandResult
             * @static
             * @param {xdr.v1.CommandResult.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.CommandResult} CommandResult instance
             * @type {{
             *   (properties: xdr.v1.CommandResult.$Shape): xdr.v1.CommandResult & xdr.v1.CommandResult.$Shape;
             *   (properties?: xdr.v1.CommandResult.$Properties): xdr.v1.CommandResult;
             * }}
             */
            CommandResult.create = function(properties) {
                return new CommandResult(properties);
            };

            /**
             * Encodes the specified CommandResult message. Does not implicitly {@link xdr.v1.CommandResult.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.CommandResult
             * @static
             * @param {xdr.v1.CommandResult.$Properties} message CommandResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CommandResult.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.actionId != null && $Object.hasOwnProperty.call(message, "actionId") && message.actionId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.actionId);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.status);
                if (message.resultJson != null && $Object.hasOwnProperty.call(message, "resultJson") && message.resultJson.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.resultJson);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.error);
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk") && message.chunk.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.chunk);
                if (message.chunkOffset != null && $Object.hasOwnProperty.call(message, "chunkOffset") && (typeof message.chunkOffset === "object" ? message.chunkOffset.low || message.chunkOffset.high : message.chunkOffset !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.chunkOffset);
                if (message.lastChunk != null && $Object.hasOwnProperty.call(message, "lastChunk") && message.lastChunk !== false)
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.lastChunk);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified CommandResult message, length delimited. Does not implicitly {@link xdr.v1.CommandResult.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.CommandResult
             * @static
             * @param {xdr.v1.CommandResult.$Properties} message CommandResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CommandResult.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CommandResult message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.CommandResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.CommandResult & xdr.v1.CommandResult.$Shape} CommandResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CommandResult.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.CommandResult();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.actionId = value;
                            else
                                delete message.actionId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.resultJson = value;
                            else
                                delete message.resultJson;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.error = value;
                            else
                                delete message.error;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.chunk = value;
                            else
                                delete message.chunk;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.chunkOffset = value;
                            else
                                delete message.chunkOffset;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.lastChunk = value;
                            else
                                delete message.lastChunk;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a CommandResult message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.CommandResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.CommandResult & xdr.v1.CommandResult.$Shape} CommandResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CommandResult.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a CommandResult message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.CommandResult
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.CommandResult} CommandResult
             */
            CommandResult.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.CommandResult)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.CommandResult: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.CommandResult();
                if (object.actionId != null)
                    if (typeof object.actionId !== "string" || object.actionId.length)
                        message.actionId = $String(object.actionId);
                if (object.status !== 0 && (typeof object.status !== "string" || $root.xdr.v1.CommandResult.Status[object.status] !== 0))
                    switch (object.status) {
                    case "STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "RUNNING":
                    case 1:
                        message.status = 1;
                        break;
                    case "SUCCEEDED":
                    case 2:
                        message.status = 2;
                        break;
                    case "FAILED":
                    case 3:
                        message.status = 3;
                        break;
                    case "REFUSED":
                    case 4:
                        message.status = 4;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.resultJson != null)
                    if (object.resultJson.length)
                        if (typeof object.resultJson === "string")
                            $util.base64.decode(object.resultJson, message.resultJson = $util.newBuffer($util.base64.length(object.resultJson)), 0);
                        else if (object.resultJson.length >= 0)
                            message.resultJson = object.resultJson;
                if (object.error != null)
                    if (typeof object.error !== "string" || object.error.length)
                        message.error = $String(object.error);
                if (object.chunk != null)
                    if (object.chunk.length)
                        if (typeof object.chunk === "string")
                            $util.base64.decode(object.chunk, message.chunk = $util.newBuffer($util.base64.length(object.chunk)), 0);
                        else if (object.chunk.length >= 0)
                            message.chunk = object.chunk;
                if (object.chunkOffset != null)
                    if (typeof object.chunkOffset === "object" ? object.chunkOffset.low || object.chunkOffset.high : $Number(object.chunkOffset) !== 0)
                        if ($util.Long)
                            message.chunkOffset = $util.Long.fromValue(object.chunkOffset, true);
                        else if (typeof object.chunkOffset === "string")
                            message.chunkOffset = $parseInt(object.chunkOffset, 10);
                        else if (typeof object.chunkOffset === "number")
                            message.chunkOffset = object.chunkOffset;
                        else if (typeof object.chunkOffset === "object")
                            message.chunkOffset = new $util.LongBits(object.chunkOffset.low >>> 0, object.chunkOffset.high >>> 0).toNumber(true);
                if (object.lastChunk != null)
                    if (object.lastChunk)
                        message.lastChunk = $Boolean(object.lastChunk);
                return message;
            };

            /**
             * Creates a plain object from a CommandResult message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.CommandResult
             * @static
             * @param {xdr.v1.CommandResult} message CommandResult
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CommandResult.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.actionId = "";
                    object.status = options.enums === $String ? "STATUS_UNSPECIFIED" : 0;
                    if (options.bytes === $String)
                        object.resultJson = "";
                    else {
                        object.resultJson = [];
                        if (options.bytes !== $Array)
                            object.resultJson = $util.newBuffer(object.resultJson);
                    }
                    object.error = "";
                    if (options.bytes === $String)
                        object.chunk = "";
                    else {
                        object.chunk = [];
                        if (options.bytes !== $Array)
                            object.chunk = $util.newBuffer(object.chunk);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.chunkOffset = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.chunkOffset = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.lastChunk = false;
                }
                if (message.actionId != null && $Object.hasOwnProperty.call(message, "actionId"))
                    object.actionId = message.actionId;
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.xdr.v1.CommandResult.Status[message.status] === $undefined ? message.status : $root.xdr.v1.CommandResult.Status[message.status] : message.status;
                if (message.resultJson != null && $Object.hasOwnProperty.call(message, "resultJson"))
                    object.resultJson = options.bytes === $String ? $util.base64.encode(message.resultJson, 0, message.resultJson.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.resultJson) : message.resultJson;
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    object.error = message.error;
                if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk"))
                    object.chunk = options.bytes === $String ? $util.base64.encode(message.chunk, 0, message.chunk.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.chunk) : message.chunk;
                if (message.chunkOffset != null && $Object.hasOwnProperty.call(message, "chunkOffset"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.chunkOffset = typeof message.chunkOffset === "number" ? $BigInt(message.chunkOffset) : $util.Long.fromBits(message.chunkOffset.low >>> 0, message.chunkOffset.high >>> 0, true).toBigInt();
                    else if (typeof message.chunkOffset === "number")
                        object.chunkOffset = options.longs === $String ? $String(message.chunkOffset) : message.chunkOffset;
                    else
                        object.chunkOffset = options.longs === $String ? $util.Long.prototype.toString.call(message.chunkOffset) : options.longs === $Number ? new $util.LongBits(message.chunkOffset.low >>> 0, message.chunkOffset.high >>> 0).toNumber(true) : message.chunkOffset;
                if (message.lastChunk != null && $Object.hasOwnProperty.call(message, "lastChunk"))
                    object.lastChunk = message.lastChunk;
                return object;
            };

            /**
             * Converts this CommandResult to JSON.
             * @function toJSON
             * @memberof xdr.v1.CommandResult
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CommandResult.prototype.toJSON = function() {
                return CommandResult.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Status enum.
             * @name xdr.v1.CommandResult.Status
             * @enum {number}
             * @property {number} STATUS_UNSPECIFIED=0 STATUS_UNSPECIFIED value
             * @property {number} RUNNING=1 RUNNING value
             * @property {number} SUCCEEDED=2 SUCCEEDED value
             * @property {number} FAILED=3 FAILED value
             * @property {number} REFUSED=4 REFUSED value
             */
            CommandResult.Status = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "STATUS_UNSPECIFIED"] = 0;
                values[valuesById[1] = "RUNNING"] = 1;
                values[valuesById[2] = "SUCCEEDED"] = 2;
                values[valuesById[3] = "FAILED"] = 3;
                values[valuesById[4] = "REFUSED"] = 4;
                return values;
            })();

            return CommandResult;
        })();

        v1.ShellData = (function() {

            /**
             * Properties of a ShellData.
             * @typedef {Object} xdr.v1.ShellData.$Properties
             * @property {string|null} [actionId] ShellData actionId
             * @property {Uint8Array|null} [data] ShellData data
             * @property {number|null} [cols] ShellData cols
             * @property {number|null} [rows] ShellData rows
             * @property {boolean|null} [closed] ShellData closed
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ShellData.
             * @memberof xdr.v1
             * @interface IShellData
             * @augments xdr.v1.ShellData.$Properties
             * @deprecated Use xdr.v1.ShellData.$Properties instead.
             */

            /**
             * Shape of a ShellData.
             * @typedef {xdr.v1.ShellData.$Properties} xdr.v1.ShellData.$Shape
             */

            /**
             * Constructs a new ShellData.
             * @memberof xdr.v1
             * @classdesc Represents a ShellData.
             * @constructor
             * @param {xdr.v1.ShellData.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ShellData = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ShellData actionId.
             * @member {string} actionId
             * @memberof xdr.v1.ShellData
             * @instance
             */
            ShellData.prototype.actionId = "";

            /**
             * ShellData data.
             * @member {Uint8Array} data
             * @memberof xdr.v1.ShellData
             * @instance
             */
            ShellData.prototype.data = $util.newBuffer([]);

            /**
             * ShellData cols.
             * @member {number} cols
             * @memberof xdr.v1.ShellData
             * @instance
             */
            ShellData.prototype.cols = 0;

            /**
             * ShellData rows.
             * @member {number} rows
             * @memberof xdr.v1.ShellData
             * @instance
             */
            ShellData.prototype.rows = 0;

            /**
             * ShellData closed.
             * @member {boolean} closed
             * @memberof xdr.v1.ShellData
             * @instance
             */
            ShellData.prototype.closed = false;

            /**
             * Creates a new ShellData instance using the specified properties.
             * @function create
             * @memberof xdr.v1.ShellData
             * @static
             * @param {xdr.v1.ShellData.$Properties=} [properties] Properties to set
             * @returns {xdr.v1.ShellData} ShellData instance
             * @type {{
             *   (properties: xdr.v1.ShellData.$Shape): xdr.v1.ShellData & xdr.v1.ShellData.$Shape;
             *   (properties?: xdr.v1.ShellData.$Properties): xdr.v1.ShellData;
             * }}
             */
            ShellData.create = function(properties) {
                return new ShellData(properties);
            };

            /**
             * Encodes the specified ShellData message. Does not implicitly {@link xdr.v1.ShellData.verify|verify} messages.
             * @function encode
             * @memberof xdr.v1.ShellData
             * @static
             * @param {xdr.v1.ShellData.$Properties} message ShellData message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ShellData.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.actionId != null && $Object.hasOwnProperty.call(message, "actionId") && message.actionId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.actionId);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.data);
                if (message.cols != null && $Object.hasOwnProperty.call(message, "cols") && message.cols !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.cols);
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows") && message.rows !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.rows);
                if (message.closed != null && $Object.hasOwnProperty.call(message, "closed") && message.closed !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.closed);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ShellData message, length delimited. Does not implicitly {@link xdr.v1.ShellData.verify|verify} messages.
             * @function encodeDelimited
             * @memberof xdr.v1.ShellData
             * @static
             * @param {xdr.v1.ShellData.$Properties} message ShellData message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ShellData.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ShellData message from the specified reader or buffer.
             * @function decode
             * @memberof xdr.v1.ShellData
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {xdr.v1.ShellData & xdr.v1.ShellData.$Shape} ShellData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ShellData.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.xdr.v1.ShellData();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.actionId = value;
                            else
                                delete message.actionId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.cols = value;
                            else
                                delete message.cols;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.rows = value;
                            else
                                delete message.rows;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.closed = value;
                            else
                                delete message.closed;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ShellData message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof xdr.v1.ShellData
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {xdr.v1.ShellData & xdr.v1.ShellData.$Shape} ShellData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ShellData.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a ShellData message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof xdr.v1.ShellData
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {xdr.v1.ShellData} ShellData
             */
            ShellData.fromObject = function (object, _depth) {
                if (object instanceof $root.xdr.v1.ShellData)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".xdr.v1.ShellData: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.xdr.v1.ShellData();
                if (object.actionId != null)
                    if (typeof object.actionId !== "string" || object.actionId.length)
                        message.actionId = $String(object.actionId);
                if (object.data != null)
                    if (object.data.length)
                        if (typeof object.data === "string")
                            $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                        else if (object.data.length >= 0)
                            message.data = object.data;
                if (object.cols != null)
                    if ($Number(object.cols) !== 0)
                        message.cols = object.cols >>> 0;
                if (object.rows != null)
                    if ($Number(object.rows) !== 0)
                        message.rows = object.rows >>> 0;
                if (object.closed != null)
                    if (object.closed)
                        message.closed = $Boolean(object.closed);
                return message;
            };

            /**
             * Creates a plain object from a ShellData message. Also converts values to other types if specified.
             * @function toObject
             * @memberof xdr.v1.ShellData
             * @static
             * @param {xdr.v1.ShellData} message ShellData
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ShellData.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.actionId = "";
                    if (options.bytes === $String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== $Array)
                            object.data = $util.newBuffer(object.data);
                    }
                    object.cols = 0;
                    object.rows = 0;
                    object.closed = false;
                }
                if (message.actionId != null && $Object.hasOwnProperty.call(message, "actionId"))
                    object.actionId = message.actionId;
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                if (message.cols != null && $Object.hasOwnProperty.call(message, "cols"))
                    object.cols = message.cols;
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows"))
                    object.rows = message.rows;
                if (message.closed != null && $Object.hasOwnProperty.call(message, "closed"))
                    object.closed = message.closed;
                return object;
            };

            /**
             * Converts this ShellData to JSON.
             * @function toJSON
             * @memberof xdr.v1.ShellData
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ShellData.prototype.toJSON = function() {
                return ShellData.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ShellData;
        })();

        return v1;
    })();

    return xdr;
})();

export {
  $root as default
};
