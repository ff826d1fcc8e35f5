// GENERATED from proto/xdr.proto by scripts/gen-proto.mjs (protobufjs-cli). Do not edit.
// Regenerate with: npm run proto
import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace xdr. */
export namespace xdr {

    /** Namespace v1. */
    namespace v1 {

        /** ProtocolVersion enum. */
        enum ProtocolVersion {

            /** PROTOCOL_VERSION_UNSPECIFIED value */
            PROTOCOL_VERSION_UNSPECIFIED = 0,

            /** PROTOCOL_VERSION_CURRENT value */
            PROTOCOL_VERSION_CURRENT = 1
        }

        /**
         * Properties of an AgentFrame.
         * @deprecated Use xdr.v1.AgentFrame.$Properties instead.
         */
        interface IAgentFrame extends xdr.v1.AgentFrame.$Properties {
        }

        /** Represents an AgentFrame. */
        class AgentFrame {

            /**
             * Constructs a new AgentFrame.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.AgentFrame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AgentFrame hello. */
            hello?: (xdr.v1.Hello.$Properties|null);

            /** AgentFrame enroll. */
            enroll?: (xdr.v1.EnrollRequest.$Properties|null);

            /** AgentFrame batch. */
            batch?: (xdr.v1.EventBatch.$Properties|null);

            /** AgentFrame heartbeat. */
            heartbeat?: (xdr.v1.Heartbeat.$Properties|null);

            /** AgentFrame commandResult. */
            commandResult?: (xdr.v1.CommandResult.$Properties|null);

            /** AgentFrame shellData. */
            shellData?: (xdr.v1.ShellData.$Properties|null);

            /** AgentFrame inventory. */
            inventory?: (xdr.v1.HostInventory.$Properties|null);

            /** AgentFrame body. */
            body?: ("hello"|"enroll"|"batch"|"heartbeat"|"commandResult"|"shellData"|"inventory");

            /**
             * Creates a new AgentFrame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AgentFrame instance
             */
            static create(properties: xdr.v1.AgentFrame.$Shape): xdr.v1.AgentFrame & xdr.v1.AgentFrame.$Shape;
            static create(properties?: xdr.v1.AgentFrame.$Properties): xdr.v1.AgentFrame;

            /**
             * Encodes the specified AgentFrame message. Does not implicitly {@link xdr.v1.AgentFrame.verify|verify} messages.
             * @param message AgentFrame message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.AgentFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AgentFrame message, length delimited. Does not implicitly {@link xdr.v1.AgentFrame.verify|verify} messages.
             * @param message AgentFrame message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.AgentFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AgentFrame message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.AgentFrame & xdr.v1.AgentFrame.$Shape} AgentFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.AgentFrame & xdr.v1.AgentFrame.$Shape;

            /**
             * Decodes an AgentFrame message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.AgentFrame & xdr.v1.AgentFrame.$Shape} AgentFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.AgentFrame & xdr.v1.AgentFrame.$Shape;

            /**
             * Creates an AgentFrame message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AgentFrame
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.AgentFrame;

            /**
             * Creates a plain object from an AgentFrame message. Also converts values to other types if specified.
             * @param message AgentFrame
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.AgentFrame, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AgentFrame to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace AgentFrame {

            /** Properties of an AgentFrame. */
            interface $Properties {

                /** AgentFrame hello */
                hello?: (xdr.v1.Hello.$Properties|null);

                /** AgentFrame enroll */
                enroll?: (xdr.v1.EnrollRequest.$Properties|null);

                /** AgentFrame batch */
                batch?: (xdr.v1.EventBatch.$Properties|null);

                /** AgentFrame heartbeat */
                heartbeat?: (xdr.v1.Heartbeat.$Properties|null);

                /** AgentFrame commandResult */
                commandResult?: (xdr.v1.CommandResult.$Properties|null);

                /** AgentFrame shellData */
                shellData?: (xdr.v1.ShellData.$Properties|null);

                /** AgentFrame inventory */
                inventory?: (xdr.v1.HostInventory.$Properties|null);

                /** AgentFrame body */
                body?: ("hello"|"enroll"|"batch"|"heartbeat"|"commandResult"|"shellData"|"inventory");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an AgentFrame. */
            type $Shape = {
              hello?: xdr.v1.Hello.$Shape|null;
              enroll?: xdr.v1.EnrollRequest.$Shape|null;
              batch?: xdr.v1.EventBatch.$Shape|null;
              heartbeat?: xdr.v1.Heartbeat.$Shape|null;
              commandResult?: xdr.v1.CommandResult.$Shape|null;
              shellData?: xdr.v1.ShellData.$Shape|null;
              inventory?: xdr.v1.HostInventory.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; hello?: null; enroll?: null; batch?: null; heartbeat?: null; commandResult?: null; shellData?: null; inventory?: null }|{ body?: "hello"; hello: xdr.v1.Hello.$Shape; enroll?: null; batch?: null; heartbeat?: null; commandResult?: null; shellData?: null; inventory?: null }|{ body?: "enroll"; hello?: null; enroll: xdr.v1.EnrollRequest.$Shape; batch?: null; heartbeat?: null; commandResult?: null; shellData?: null; inventory?: null }|{ body?: "batch"; hello?: null; enroll?: null; batch: xdr.v1.EventBatch.$Shape; heartbeat?: null; commandResult?: null; shellData?: null; inventory?: null }|{ body?: "heartbeat"; hello?: null; enroll?: null; batch?: null; heartbeat: xdr.v1.Heartbeat.$Shape; commandResult?: null; shellData?: null; inventory?: null }|{ body?: "commandResult"; hello?: null; enroll?: null; batch?: null; heartbeat?: null; commandResult: xdr.v1.CommandResult.$Shape; shellData?: null; inventory?: null }|{ body?: "shellData"; hello?: null; enroll?: null; batch?: null; heartbeat?: null; commandResult?: null; shellData: xdr.v1.ShellData.$Shape; inventory?: null }|{ body?: "inventory"; hello?: null; enroll?: null; batch?: null; heartbeat?: null; commandResult?: null; shellData?: null; inventory: xdr.v1.HostInventory.$Shape })
            );
        }

        /**
         * Properties of a CollectorFrame.
         * @deprecated Use xdr.v1.CollectorFrame.$Properties instead.
         */
        interface ICollectorFrame extends xdr.v1.CollectorFrame.$Properties {
        }

        /** Represents a CollectorFrame. */
        class CollectorFrame {

            /**
             * Constructs a new CollectorFrame.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.CollectorFrame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CollectorFrame challenge. */
            challenge?: (xdr.v1.Challenge.$Properties|null);

            /** CollectorFrame welcome. */
            welcome?: (xdr.v1.Welcome.$Properties|null);

            /** CollectorFrame refusal. */
            refusal?: (xdr.v1.Refusal.$Properties|null);

            /** CollectorFrame enrolled. */
            enrolled?: (xdr.v1.EnrollResponse.$Properties|null);

            /** CollectorFrame ack. */
            ack?: (xdr.v1.BatchAck.$Properties|null);

            /** CollectorFrame heartbeat. */
            heartbeat?: (xdr.v1.Heartbeat.$Properties|null);

            /** CollectorFrame command. */
            command?: (xdr.v1.Command.$Properties|null);

            /** CollectorFrame shellData. */
            shellData?: (xdr.v1.ShellData.$Properties|null);

            /** CollectorFrame body. */
            body?: ("challenge"|"welcome"|"refusal"|"enrolled"|"ack"|"heartbeat"|"command"|"shellData");

            /**
             * Creates a new CollectorFrame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CollectorFrame instance
             */
            static create(properties: xdr.v1.CollectorFrame.$Shape): xdr.v1.CollectorFrame & xdr.v1.CollectorFrame.$Shape;
            static create(properties?: xdr.v1.CollectorFrame.$Properties): xdr.v1.CollectorFrame;

            /**
             * Encodes the specified CollectorFrame message. Does not implicitly {@link xdr.v1.CollectorFrame.verify|verify} messages.
             * @param message CollectorFrame message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.CollectorFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CollectorFrame message, length delimited. Does not implicitly {@link xdr.v1.CollectorFrame.verify|verify} messages.
             * @param message CollectorFrame message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.CollectorFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CollectorFrame message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.CollectorFrame & xdr.v1.CollectorFrame.$Shape} CollectorFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.CollectorFrame & xdr.v1.CollectorFrame.$Shape;

            /**
             * Decodes a CollectorFrame message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.CollectorFrame & xdr.v1.CollectorFrame.$Shape} CollectorFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.CollectorFrame & xdr.v1.CollectorFrame.$Shape;

            /**
             * Creates a CollectorFrame message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CollectorFrame
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.CollectorFrame;

            /**
             * Creates a plain object from a CollectorFrame message. Also converts values to other types if specified.
             * @param message CollectorFrame
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.CollectorFrame, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CollectorFrame to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CollectorFrame {

            /** Properties of a CollectorFrame. */
            interface $Properties {

                /** CollectorFrame challenge */
                challenge?: (xdr.v1.Challenge.$Properties|null);

                /** CollectorFrame welcome */
                welcome?: (xdr.v1.Welcome.$Properties|null);

                /** CollectorFrame refusal */
                refusal?: (xdr.v1.Refusal.$Properties|null);

                /** CollectorFrame enrolled */
                enrolled?: (xdr.v1.EnrollResponse.$Properties|null);

                /** CollectorFrame ack */
                ack?: (xdr.v1.BatchAck.$Properties|null);

                /** CollectorFrame heartbeat */
                heartbeat?: (xdr.v1.Heartbeat.$Properties|null);

                /** CollectorFrame command */
                command?: (xdr.v1.Command.$Properties|null);

                /** CollectorFrame shellData */
                shellData?: (xdr.v1.ShellData.$Properties|null);

                /** CollectorFrame body */
                body?: ("challenge"|"welcome"|"refusal"|"enrolled"|"ack"|"heartbeat"|"command"|"shellData");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a CollectorFrame. */
            type $Shape = {
              challenge?: xdr.v1.Challenge.$Shape|null;
              welcome?: xdr.v1.Welcome.$Shape|null;
              refusal?: xdr.v1.Refusal.$Shape|null;
              enrolled?: xdr.v1.EnrollResponse.$Shape|null;
              ack?: xdr.v1.BatchAck.$Shape|null;
              heartbeat?: xdr.v1.Heartbeat.$Shape|null;
              command?: xdr.v1.Command.$Shape|null;
              shellData?: xdr.v1.ShellData.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; challenge?: null; welcome?: null; refusal?: null; enrolled?: null; ack?: null; heartbeat?: null; command?: null; shellData?: null }|{ body?: "challenge"; challenge: xdr.v1.Challenge.$Shape; welcome?: null; refusal?: null; enrolled?: null; ack?: null; heartbeat?: null; command?: null; shellData?: null }|{ body?: "welcome"; challenge?: null; welcome: xdr.v1.Welcome.$Shape; refusal?: null; enrolled?: null; ack?: null; heartbeat?: null; command?: null; shellData?: null }|{ body?: "refusal"; challenge?: null; welcome?: null; refusal: xdr.v1.Refusal.$Shape; enrolled?: null; ack?: null; heartbeat?: null; command?: null; shellData?: null }|{ body?: "enrolled"; challenge?: null; welcome?: null; refusal?: null; enrolled: xdr.v1.EnrollResponse.$Shape; ack?: null; heartbeat?: null; command?: null; shellData?: null }|{ body?: "ack"; challenge?: null; welcome?: null; refusal?: null; enrolled?: null; ack: xdr.v1.BatchAck.$Shape; heartbeat?: null; command?: null; shellData?: null }|{ body?: "heartbeat"; challenge?: null; welcome?: null; refusal?: null; enrolled?: null; ack?: null; heartbeat: xdr.v1.Heartbeat.$Shape; command?: null; shellData?: null }|{ body?: "command"; challenge?: null; welcome?: null; refusal?: null; enrolled?: null; ack?: null; heartbeat?: null; command: xdr.v1.Command.$Shape; shellData?: null }|{ body?: "shellData"; challenge?: null; welcome?: null; refusal?: null; enrolled?: null; ack?: null; heartbeat?: null; command?: null; shellData: xdr.v1.ShellData.$Shape })
            );
        }

        /**
         * Properties of a Challenge.
         * @deprecated Use xdr.v1.Challenge.$Properties instead.
         */
        interface IChallenge extends xdr.v1.Challenge.$Properties {
        }

        /** Represents a Challenge. */
        class Challenge {

            /**
             * Constructs a new Challenge.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.Challenge.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Challenge protocolVersion. */
            protocolVersion: number;

            /** Challenge nonce. */
            nonce: Uint8Array;

            /** Challenge collectorId. */
            collectorId: string;

            /**
             * Creates a new Challenge instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Challenge instance
             */
            static create(properties: xdr.v1.Challenge.$Shape): xdr.v1.Challenge & xdr.v1.Challenge.$Shape;
            static create(properties?: xdr.v1.Challenge.$Properties): xdr.v1.Challenge;

            /**
             * Encodes the specified Challenge message. Does not implicitly {@link xdr.v1.Challenge.verify|verify} messages.
             * @param message Challenge message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.Challenge.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Challenge message, length delimited. Does not implicitly {@link xdr.v1.Challenge.verify|verify} messages.
             * @param message Challenge message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.Challenge.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Challenge message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.Challenge & xdr.v1.Challenge.$Shape} Challenge
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.Challenge & xdr.v1.Challenge.$Shape;

            /**
             * Decodes a Challenge message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.Challenge & xdr.v1.Challenge.$Shape} Challenge
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.Challenge & xdr.v1.Challenge.$Shape;

            /**
             * Creates a Challenge message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Challenge
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.Challenge;

            /**
             * Creates a plain object from a Challenge message. Also converts values to other types if specified.
             * @param message Challenge
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.Challenge, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Challenge to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Challenge {

            /** Properties of a Challenge. */
            interface $Properties {

                /** Challenge protocolVersion */
                protocolVersion?: (number|null);

                /** Challenge nonce */
                nonce?: (Uint8Array|null);

                /** Challenge collectorId */
                collectorId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Challenge. */
            type $Shape = xdr.v1.Challenge.$Properties;
        }

        /**
         * Properties of a Hello.
         * @deprecated Use xdr.v1.Hello.$Properties instead.
         */
        interface IHello extends xdr.v1.Hello.$Properties {
        }

        /** Represents a Hello. */
        class Hello {

            /**
             * Constructs a new Hello.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.Hello.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Hello protocolVersion. */
            protocolVersion: number;

            /** Hello agentId. */
            agentId: string;

            /** Hello agentVersion. */
            agentVersion: string;

            /** Hello inventory. */
            inventory?: (xdr.v1.HostInventory.$Properties|null);

            /** Hello signature. */
            signature: Uint8Array;

            /** Hello bootTimeMs. */
            bootTimeMs: (number|Long);

            /**
             * Creates a new Hello instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Hello instance
             */
            static create(properties: xdr.v1.Hello.$Shape): xdr.v1.Hello & xdr.v1.Hello.$Shape;
            static create(properties?: xdr.v1.Hello.$Properties): xdr.v1.Hello;

            /**
             * Encodes the specified Hello message. Does not implicitly {@link xdr.v1.Hello.verify|verify} messages.
             * @param message Hello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Hello message, length delimited. Does not implicitly {@link xdr.v1.Hello.verify|verify} messages.
             * @param message Hello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.Hello & xdr.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.Hello & xdr.v1.Hello.$Shape;

            /**
             * Decodes a Hello message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.Hello & xdr.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.Hello & xdr.v1.Hello.$Shape;

            /**
             * Creates a Hello message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Hello
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.Hello;

            /**
             * Creates a plain object from a Hello message. Also converts values to other types if specified.
             * @param message Hello
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.Hello, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Hello to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Hello {

            /** Properties of a Hello. */
            interface $Properties {

                /** Hello protocolVersion */
                protocolVersion?: (number|null);

                /** Hello agentId */
                agentId?: (string|null);

                /** Hello agentVersion */
                agentVersion?: (string|null);

                /** Hello inventory */
                inventory?: (xdr.v1.HostInventory.$Properties|null);

                /** Hello signature */
                signature?: (Uint8Array|null);

                /** Hello bootTimeMs */
                bootTimeMs?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Hello. */
            type $Shape = xdr.v1.Hello.$Properties;
        }

        /**
         * Properties of a HostInventory.
         * @deprecated Use xdr.v1.HostInventory.$Properties instead.
         */
        interface IHostInventory extends xdr.v1.HostInventory.$Properties {
        }

        /** Represents a HostInventory. */
        class HostInventory {

            /**
             * Constructs a new HostInventory.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.HostInventory.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HostInventory hostId. */
            hostId: string;

            /** HostInventory hostname. */
            hostname: string;

            /** HostInventory osName. */
            osName: string;

            /** HostInventory osVersion. */
            osVersion: string;

            /** HostInventory osPlatform. */
            osPlatform: string;

            /** HostInventory kernel. */
            kernel: string;

            /** HostInventory arch. */
            arch: string;

            /** HostInventory ips. */
            ips: string[];

            /** HostInventory macs. */
            macs: string[];

            /** HostInventory cpuModel. */
            cpuModel: string;

            /** HostInventory cpuCores. */
            cpuCores: number;

            /** HostInventory memoryBytes. */
            memoryBytes: (number|Long);

            /** HostInventory collectedAtMs. */
            collectedAtMs: (number|Long);

            /**
             * Creates a new HostInventory instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HostInventory instance
             */
            static create(properties: xdr.v1.HostInventory.$Shape): xdr.v1.HostInventory & xdr.v1.HostInventory.$Shape;
            static create(properties?: xdr.v1.HostInventory.$Properties): xdr.v1.HostInventory;

            /**
             * Encodes the specified HostInventory message. Does not implicitly {@link xdr.v1.HostInventory.verify|verify} messages.
             * @param message HostInventory message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.HostInventory.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified HostInventory message, length delimited. Does not implicitly {@link xdr.v1.HostInventory.verify|verify} messages.
             * @param message HostInventory message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.HostInventory.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HostInventory message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.HostInventory & xdr.v1.HostInventory.$Shape} HostInventory
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.HostInventory & xdr.v1.HostInventory.$Shape;

            /**
             * Decodes a HostInventory message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.HostInventory & xdr.v1.HostInventory.$Shape} HostInventory
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.HostInventory & xdr.v1.HostInventory.$Shape;

            /**
             * Creates a HostInventory message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HostInventory
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.HostInventory;

            /**
             * Creates a plain object from a HostInventory message. Also converts values to other types if specified.
             * @param message HostInventory
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.HostInventory, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HostInventory to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HostInventory {

            /** Properties of a HostInventory. */
            interface $Properties {

                /** HostInventory hostId */
                hostId?: (string|null);

                /** HostInventory hostname */
                hostname?: (string|null);

                /** HostInventory osName */
                osName?: (string|null);

                /** HostInventory osVersion */
                osVersion?: (string|null);

                /** HostInventory osPlatform */
                osPlatform?: (string|null);

                /** HostInventory kernel */
                kernel?: (string|null);

                /** HostInventory arch */
                arch?: (string|null);

                /** HostInventory ips */
                ips?: (string[]|null);

                /** HostInventory macs */
                macs?: (string[]|null);

                /** HostInventory cpuModel */
                cpuModel?: (string|null);

                /** HostInventory cpuCores */
                cpuCores?: (number|null);

                /** HostInventory memoryBytes */
                memoryBytes?: (number|Long|null);

                /** HostInventory collectedAtMs */
                collectedAtMs?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HostInventory. */
            type $Shape = xdr.v1.HostInventory.$Properties;
        }

        /**
         * Properties of an EnrollRequest.
         * @deprecated Use xdr.v1.EnrollRequest.$Properties instead.
         */
        interface IEnrollRequest extends xdr.v1.EnrollRequest.$Properties {
        }

        /** Represents an EnrollRequest. */
        class EnrollRequest {

            /**
             * Constructs a new EnrollRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.EnrollRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EnrollRequest protocolVersion. */
            protocolVersion: number;

            /** EnrollRequest token. */
            token: string;

            /** EnrollRequest publicKey. */
            publicKey: Uint8Array;

            /** EnrollRequest inventory. */
            inventory?: (xdr.v1.HostInventory.$Properties|null);

            /** EnrollRequest agentVersion. */
            agentVersion: string;

            /**
             * Creates a new EnrollRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EnrollRequest instance
             */
            static create(properties: xdr.v1.EnrollRequest.$Shape): xdr.v1.EnrollRequest & xdr.v1.EnrollRequest.$Shape;
            static create(properties?: xdr.v1.EnrollRequest.$Properties): xdr.v1.EnrollRequest;

            /**
             * Encodes the specified EnrollRequest message. Does not implicitly {@link xdr.v1.EnrollRequest.verify|verify} messages.
             * @param message EnrollRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.EnrollRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified EnrollRequest message, length delimited. Does not implicitly {@link xdr.v1.EnrollRequest.verify|verify} messages.
             * @param message EnrollRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.EnrollRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EnrollRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.EnrollRequest & xdr.v1.EnrollRequest.$Shape} EnrollRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.EnrollRequest & xdr.v1.EnrollRequest.$Shape;

            /**
             * Decodes an EnrollRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.EnrollRequest & xdr.v1.EnrollRequest.$Shape} EnrollRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.EnrollRequest & xdr.v1.EnrollRequest.$Shape;

            /**
             * Creates an EnrollRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns EnrollRequest
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.EnrollRequest;

            /**
             * Creates a plain object from an EnrollRequest message. Also converts values to other types if specified.
             * @param message EnrollRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.EnrollRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this EnrollRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace EnrollRequest {

            /** Properties of an EnrollRequest. */
            interface $Properties {

                /** EnrollRequest protocolVersion */
                protocolVersion?: (number|null);

                /** EnrollRequest token */
                token?: (string|null);

                /** EnrollRequest publicKey */
                publicKey?: (Uint8Array|null);

                /** EnrollRequest inventory */
                inventory?: (xdr.v1.HostInventory.$Properties|null);

                /** EnrollRequest agentVersion */
                agentVersion?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EnrollRequest. */
            type $Shape = xdr.v1.EnrollRequest.$Properties;
        }

        /**
         * Properties of an EnrollResponse.
         * @deprecated Use xdr.v1.EnrollResponse.$Properties instead.
         */
        interface IEnrollResponse extends xdr.v1.EnrollResponse.$Properties {
        }

        /** Represents an EnrollResponse. */
        class EnrollResponse {

            /**
             * Constructs a new EnrollResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.EnrollResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EnrollResponse agentId. */
            agentId: string;

            /** EnrollResponse commandPublicKey. */
            commandPublicKey: Uint8Array;

            /**
             * Creates a new EnrollResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EnrollResponse instance
             */
            static create(properties: xdr.v1.EnrollResponse.$Shape): xdr.v1.EnrollResponse & xdr.v1.EnrollResponse.$Shape;
            static create(properties?: xdr.v1.EnrollResponse.$Properties): xdr.v1.EnrollResponse;

            /**
             * Encodes the specified EnrollResponse message. Does not implicitly {@link xdr.v1.EnrollResponse.verify|verify} messages.
             * @param message EnrollResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.EnrollResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified EnrollResponse message, length delimited. Does not implicitly {@link xdr.v1.EnrollResponse.verify|verify} messages.
             * @param message EnrollResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.EnrollResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EnrollResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.EnrollResponse & xdr.v1.EnrollResponse.$Shape} EnrollResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.EnrollResponse & xdr.v1.EnrollResponse.$Shape;

            /**
             * Decodes an EnrollResponse message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.EnrollResponse & xdr.v1.EnrollResponse.$Shape} EnrollResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.EnrollResponse & xdr.v1.EnrollResponse.$Shape;

            /**
             * Creates an EnrollResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns EnrollResponse
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.EnrollResponse;

            /**
             * Creates a plain object from an EnrollResponse message. Also converts values to other types if specified.
             * @param message EnrollResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.EnrollResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this EnrollResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace EnrollResponse {

            /** Properties of an EnrollResponse. */
            interface $Properties {

                /** EnrollResponse agentId */
                agentId?: (string|null);

                /** EnrollResponse commandPublicKey */
                commandPublicKey?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EnrollResponse. */
            type $Shape = xdr.v1.EnrollResponse.$Properties;
        }

        /**
         * Properties of a Welcome.
         * @deprecated Use xdr.v1.Welcome.$Properties instead.
         */
        interface IWelcome extends xdr.v1.Welcome.$Properties {
        }

        /** Represents a Welcome. */
        class Welcome {

            /**
             * Constructs a new Welcome.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.Welcome.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Welcome sessionId. */
            sessionId: string;

            /** Welcome heartbeatIntervalMs. */
            heartbeatIntervalMs: number;

            /** Welcome maxFrameBytes. */
            maxFrameBytes: number;

            /** Welcome isolated. */
            isolated: boolean;

            /**
             * Creates a new Welcome instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Welcome instance
             */
            static create(properties: xdr.v1.Welcome.$Shape): xdr.v1.Welcome & xdr.v1.Welcome.$Shape;
            static create(properties?: xdr.v1.Welcome.$Properties): xdr.v1.Welcome;

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link xdr.v1.Welcome.verify|verify} messages.
             * @param message Welcome message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.Welcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Welcome message, length delimited. Does not implicitly {@link xdr.v1.Welcome.verify|verify} messages.
             * @param message Welcome message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.Welcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.Welcome & xdr.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.Welcome & xdr.v1.Welcome.$Shape;

            /**
             * Decodes a Welcome message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.Welcome & xdr.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.Welcome & xdr.v1.Welcome.$Shape;

            /**
             * Creates a Welcome message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Welcome
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.Welcome;

            /**
             * Creates a plain object from a Welcome message. Also converts values to other types if specified.
             * @param message Welcome
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.Welcome, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Welcome to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Welcome {

            /** Properties of a Welcome. */
            interface $Properties {

                /** Welcome sessionId */
                sessionId?: (string|null);

                /** Welcome heartbeatIntervalMs */
                heartbeatIntervalMs?: (number|null);

                /** Welcome maxFrameBytes */
                maxFrameBytes?: (number|null);

                /** Welcome isolated */
                isolated?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Welcome. */
            type $Shape = xdr.v1.Welcome.$Properties;
        }

        /**
         * Properties of a Refusal.
         * @deprecated Use xdr.v1.Refusal.$Properties instead.
         */
        interface IRefusal extends xdr.v1.Refusal.$Properties {
        }

        /** Represents a Refusal. */
        class Refusal {

            /**
             * Constructs a new Refusal.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.Refusal.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Refusal code. */
            code: string;

            /** Refusal reason. */
            reason: string;

            /**
             * Creates a new Refusal instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Refusal instance
             */
            static create(properties: xdr.v1.Refusal.$Shape): xdr.v1.Refusal & xdr.v1.Refusal.$Shape;
            static create(properties?: xdr.v1.Refusal.$Properties): xdr.v1.Refusal;

            /**
             * Encodes the specified Refusal message. Does not implicitly {@link xdr.v1.Refusal.verify|verify} messages.
             * @param message Refusal message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.Refusal.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Refusal message, length delimited. Does not implicitly {@link xdr.v1.Refusal.verify|verify} messages.
             * @param message Refusal message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.Refusal.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Refusal message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.Refusal & xdr.v1.Refusal.$Shape} Refusal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.Refusal & xdr.v1.Refusal.$Shape;

            /**
             * Decodes a Refusal message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.Refusal & xdr.v1.Refusal.$Shape} Refusal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.Refusal & xdr.v1.Refusal.$Shape;

            /**
             * Creates a Refusal message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Refusal
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.Refusal;

            /**
             * Creates a plain object from a Refusal message. Also converts values to other types if specified.
             * @param message Refusal
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.Refusal, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Refusal to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Refusal {

            /** Properties of a Refusal. */
            interface $Properties {

                /** Refusal code */
                code?: (string|null);

                /** Refusal reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Refusal. */
            type $Shape = xdr.v1.Refusal.$Properties;
        }

        /**
         * Properties of a Heartbeat.
         * @deprecated Use xdr.v1.Heartbeat.$Properties instead.
         */
        interface IHeartbeat extends xdr.v1.Heartbeat.$Properties {
        }

        /** Represents a Heartbeat. */
        class Heartbeat {

            /**
             * Constructs a new Heartbeat.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.Heartbeat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Heartbeat sentAtMs. */
            sentAtMs: (number|Long);

            /** Heartbeat stats. */
            stats?: (xdr.v1.AgentStats.$Properties|null);

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Heartbeat instance
             */
            static create(properties: xdr.v1.Heartbeat.$Shape): xdr.v1.Heartbeat & xdr.v1.Heartbeat.$Shape;
            static create(properties?: xdr.v1.Heartbeat.$Properties): xdr.v1.Heartbeat;

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link xdr.v1.Heartbeat.verify|verify} messages.
             * @param message Heartbeat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Heartbeat message, length delimited. Does not implicitly {@link xdr.v1.Heartbeat.verify|verify} messages.
             * @param message Heartbeat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.Heartbeat & xdr.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.Heartbeat & xdr.v1.Heartbeat.$Shape;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.Heartbeat & xdr.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.Heartbeat & xdr.v1.Heartbeat.$Shape;

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Heartbeat
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.Heartbeat;

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @param message Heartbeat
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.Heartbeat, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Heartbeat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Heartbeat {

            /** Properties of a Heartbeat. */
            interface $Properties {

                /** Heartbeat sentAtMs */
                sentAtMs?: (number|Long|null);

                /** Heartbeat stats */
                stats?: (xdr.v1.AgentStats.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Heartbeat. */
            type $Shape = xdr.v1.Heartbeat.$Properties;
        }

        /**
         * Properties of an AgentStats.
         * @deprecated Use xdr.v1.AgentStats.$Properties instead.
         */
        interface IAgentStats extends xdr.v1.AgentStats.$Properties {
        }

        /** Represents an AgentStats. */
        class AgentStats {

            /**
             * Constructs a new AgentStats.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.AgentStats.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AgentStats spoolBytes. */
            spoolBytes: (number|Long);

            /** AgentStats spoolBatches. */
            spoolBatches: number;

            /** AgentStats spoolDroppedBatches. */
            spoolDroppedBatches: (number|Long);

            /** AgentStats spoolDroppedEvents. */
            spoolDroppedEvents: (number|Long);

            /** AgentStats eventsGenerated. */
            eventsGenerated: (number|Long);

            /** AgentStats sensorEventsLost. */
            sensorEventsLost: (number|Long);

            /**
             * Creates a new AgentStats instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AgentStats instance
             */
            static create(properties: xdr.v1.AgentStats.$Shape): xdr.v1.AgentStats & xdr.v1.AgentStats.$Shape;
            static create(properties?: xdr.v1.AgentStats.$Properties): xdr.v1.AgentStats;

            /**
             * Encodes the specified AgentStats message. Does not implicitly {@link xdr.v1.AgentStats.verify|verify} messages.
             * @param message AgentStats message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.AgentStats.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AgentStats message, length delimited. Does not implicitly {@link xdr.v1.AgentStats.verify|verify} messages.
             * @param message AgentStats message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.AgentStats.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AgentStats message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.AgentStats & xdr.v1.AgentStats.$Shape} AgentStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.AgentStats & xdr.v1.AgentStats.$Shape;

            /**
             * Decodes an AgentStats message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.AgentStats & xdr.v1.AgentStats.$Shape} AgentStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.AgentStats & xdr.v1.AgentStats.$Shape;

            /**
             * Creates an AgentStats message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AgentStats
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.AgentStats;

            /**
             * Creates a plain object from an AgentStats message. Also converts values to other types if specified.
             * @param message AgentStats
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.AgentStats, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AgentStats to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace AgentStats {

            /** Properties of an AgentStats. */
            interface $Properties {

                /** AgentStats spoolBytes */
                spoolBytes?: (number|Long|null);

                /** AgentStats spoolBatches */
                spoolBatches?: (number|null);

                /** AgentStats spoolDroppedBatches */
                spoolDroppedBatches?: (number|Long|null);

                /** AgentStats spoolDroppedEvents */
                spoolDroppedEvents?: (number|Long|null);

                /** AgentStats eventsGenerated */
                eventsGenerated?: (number|Long|null);

                /** AgentStats sensorEventsLost */
                sensorEventsLost?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AgentStats. */
            type $Shape = xdr.v1.AgentStats.$Properties;
        }

        /**
         * Properties of an EventBatch.
         * @deprecated Use xdr.v1.EventBatch.$Properties instead.
         */
        interface IEventBatch extends xdr.v1.EventBatch.$Properties {
        }

        /** Represents an EventBatch. */
        class EventBatch {

            /**
             * Constructs a new EventBatch.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.EventBatch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EventBatch seq. */
            seq: (number|Long);

            /** EventBatch events. */
            events: xdr.v1.Event.$Properties[];

            /**
             * Creates a new EventBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EventBatch instance
             */
            static create(properties: xdr.v1.EventBatch.$Shape): xdr.v1.EventBatch & xdr.v1.EventBatch.$Shape;
            static create(properties?: xdr.v1.EventBatch.$Properties): xdr.v1.EventBatch;

            /**
             * Encodes the specified EventBatch message. Does not implicitly {@link xdr.v1.EventBatch.verify|verify} messages.
             * @param message EventBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.EventBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified EventBatch message, length delimited. Does not implicitly {@link xdr.v1.EventBatch.verify|verify} messages.
             * @param message EventBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.EventBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EventBatch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.EventBatch & xdr.v1.EventBatch.$Shape} EventBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.EventBatch & xdr.v1.EventBatch.$Shape;

            /**
             * Decodes an EventBatch message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.EventBatch & xdr.v1.EventBatch.$Shape} EventBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.EventBatch & xdr.v1.EventBatch.$Shape;

            /**
             * Creates an EventBatch message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns EventBatch
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.EventBatch;

            /**
             * Creates a plain object from an EventBatch message. Also converts values to other types if specified.
             * @param message EventBatch
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.EventBatch, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this EventBatch to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace EventBatch {

            /** Properties of an EventBatch. */
            interface $Properties {

                /** EventBatch seq */
                seq?: (number|Long|null);

                /** EventBatch events */
                events?: (xdr.v1.Event.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EventBatch. */
            type $Shape = {
              seq?: number|Long|null;
              events?: xdr.v1.Event.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a BatchAck.
         * @deprecated Use xdr.v1.BatchAck.$Properties instead.
         */
        interface IBatchAck extends xdr.v1.BatchAck.$Properties {
        }

        /** Represents a BatchAck. */
        class BatchAck {

            /**
             * Constructs a new BatchAck.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.BatchAck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BatchAck seq. */
            seq: (number|Long);

            /** BatchAck duplicate. */
            duplicate: boolean;

            /**
             * Creates a new BatchAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BatchAck instance
             */
            static create(properties: xdr.v1.BatchAck.$Shape): xdr.v1.BatchAck & xdr.v1.BatchAck.$Shape;
            static create(properties?: xdr.v1.BatchAck.$Properties): xdr.v1.BatchAck;

            /**
             * Encodes the specified BatchAck message. Does not implicitly {@link xdr.v1.BatchAck.verify|verify} messages.
             * @param message BatchAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.BatchAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified BatchAck message, length delimited. Does not implicitly {@link xdr.v1.BatchAck.verify|verify} messages.
             * @param message BatchAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.BatchAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BatchAck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.BatchAck & xdr.v1.BatchAck.$Shape} BatchAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.BatchAck & xdr.v1.BatchAck.$Shape;

            /**
             * Decodes a BatchAck message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.BatchAck & xdr.v1.BatchAck.$Shape} BatchAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.BatchAck & xdr.v1.BatchAck.$Shape;

            /**
             * Creates a BatchAck message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns BatchAck
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.BatchAck;

            /**
             * Creates a plain object from a BatchAck message. Also converts values to other types if specified.
             * @param message BatchAck
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.BatchAck, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this BatchAck to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace BatchAck {

            /** Properties of a BatchAck. */
            interface $Properties {

                /** BatchAck seq */
                seq?: (number|Long|null);

                /** BatchAck duplicate */
                duplicate?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BatchAck. */
            type $Shape = xdr.v1.BatchAck.$Properties;
        }

        /**
         * Properties of an Event.
         * @deprecated Use xdr.v1.Event.$Properties instead.
         */
        interface IEvent extends xdr.v1.Event.$Properties {
        }

        /** Represents an Event. */
        class Event {

            /**
             * Constructs a new Event.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.Event.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Event timeMs. */
            timeMs: (number|Long);

            /** Event process. */
            process?: (xdr.v1.ProcessEvent.$Properties|null);

            /** Event file. */
            file?: (xdr.v1.FileEvent.$Properties|null);

            /** Event network. */
            network?: (xdr.v1.NetworkEvent.$Properties|null);

            /** Event login. */
            login?: (xdr.v1.LoginEvent.$Properties|null);

            /** Event notice. */
            notice?: (xdr.v1.AgentNotice.$Properties|null);

            /** Event payload. */
            payload?: ("process"|"file"|"network"|"login"|"notice");

            /**
             * Creates a new Event instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Event instance
             */
            static create(properties: xdr.v1.Event.$Shape): xdr.v1.Event & xdr.v1.Event.$Shape;
            static create(properties?: xdr.v1.Event.$Properties): xdr.v1.Event;

            /**
             * Encodes the specified Event message. Does not implicitly {@link xdr.v1.Event.verify|verify} messages.
             * @param message Event message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.Event.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Event message, length delimited. Does not implicitly {@link xdr.v1.Event.verify|verify} messages.
             * @param message Event message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.Event.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Event message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.Event & xdr.v1.Event.$Shape} Event
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.Event & xdr.v1.Event.$Shape;

            /**
             * Decodes an Event message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.Event & xdr.v1.Event.$Shape} Event
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.Event & xdr.v1.Event.$Shape;

            /**
             * Creates an Event message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Event
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.Event;

            /**
             * Creates a plain object from an Event message. Also converts values to other types if specified.
             * @param message Event
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.Event, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Event to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Event {

            /** Properties of an Event. */
            interface $Properties {

                /** Event timeMs */
                timeMs?: (number|Long|null);

                /** Event process */
                process?: (xdr.v1.ProcessEvent.$Properties|null);

                /** Event file */
                file?: (xdr.v1.FileEvent.$Properties|null);

                /** Event network */
                network?: (xdr.v1.NetworkEvent.$Properties|null);

                /** Event login */
                login?: (xdr.v1.LoginEvent.$Properties|null);

                /** Event notice */
                notice?: (xdr.v1.AgentNotice.$Properties|null);

                /** Event payload */
                payload?: ("process"|"file"|"network"|"login"|"notice");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an Event. */
            type $Shape = {
              timeMs?: number|Long|null;
              process?: xdr.v1.ProcessEvent.$Shape|null;
              file?: xdr.v1.FileEvent.$Shape|null;
              network?: xdr.v1.NetworkEvent.$Shape|null;
              login?: xdr.v1.LoginEvent.$Shape|null;
              notice?: xdr.v1.AgentNotice.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ payload?: undefined; process?: null; file?: null; network?: null; login?: null; notice?: null }|{ payload?: "process"; process: xdr.v1.ProcessEvent.$Shape; file?: null; network?: null; login?: null; notice?: null }|{ payload?: "file"; process?: null; file: xdr.v1.FileEvent.$Shape; network?: null; login?: null; notice?: null }|{ payload?: "network"; process?: null; file?: null; network: xdr.v1.NetworkEvent.$Shape; login?: null; notice?: null }|{ payload?: "login"; process?: null; file?: null; network?: null; login: xdr.v1.LoginEvent.$Shape; notice?: null }|{ payload?: "notice"; process?: null; file?: null; network?: null; login?: null; notice: xdr.v1.AgentNotice.$Shape })
            );
        }

        /**
         * Properties of a Process.
         * @deprecated Use xdr.v1.Process.$Properties instead.
         */
        interface IProcess extends xdr.v1.Process.$Properties {
        }

        /** Represents a Process. */
        class Process {

            /**
             * Constructs a new Process.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.Process.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Process entityId. */
            entityId: string;

            /** Process pid. */
            pid: number;

            /** Process ppid. */
            ppid: number;

            /** Process name. */
            name: string;

            /** Process executable. */
            executable: string;

            /** Process commandLine. */
            commandLine: string;

            /** Process args. */
            args: string[];

            /** Process workingDirectory. */
            workingDirectory: string;

            /** Process hashSha256. */
            hashSha256: string;

            /** Process userName. */
            userName: string;

            /** Process userId. */
            userId: number;

            /** Process startTimeMs. */
            startTimeMs: (number|Long);

            /** Process parent. */
            parent?: (xdr.v1.ProcessRef.$Properties|null);

            /** Process userIdSet. */
            userIdSet: boolean;

            /**
             * Creates a new Process instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Process instance
             */
            static create(properties: xdr.v1.Process.$Shape): xdr.v1.Process & xdr.v1.Process.$Shape;
            static create(properties?: xdr.v1.Process.$Properties): xdr.v1.Process;

            /**
             * Encodes the specified Process message. Does not implicitly {@link xdr.v1.Process.verify|verify} messages.
             * @param message Process message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.Process.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Process message, length delimited. Does not implicitly {@link xdr.v1.Process.verify|verify} messages.
             * @param message Process message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.Process.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Process message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.Process & xdr.v1.Process.$Shape} Process
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.Process & xdr.v1.Process.$Shape;

            /**
             * Decodes a Process message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.Process & xdr.v1.Process.$Shape} Process
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.Process & xdr.v1.Process.$Shape;

            /**
             * Creates a Process message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Process
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.Process;

            /**
             * Creates a plain object from a Process message. Also converts values to other types if specified.
             * @param message Process
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.Process, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Process to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Process {

            /** Properties of a Process. */
            interface $Properties {

                /** Process entityId */
                entityId?: (string|null);

                /** Process pid */
                pid?: (number|null);

                /** Process ppid */
                ppid?: (number|null);

                /** Process name */
                name?: (string|null);

                /** Process executable */
                executable?: (string|null);

                /** Process commandLine */
                commandLine?: (string|null);

                /** Process args */
                args?: (string[]|null);

                /** Process workingDirectory */
                workingDirectory?: (string|null);

                /** Process hashSha256 */
                hashSha256?: (string|null);

                /** Process userName */
                userName?: (string|null);

                /** Process userId */
                userId?: (number|null);

                /** Process startTimeMs */
                startTimeMs?: (number|Long|null);

                /** Process parent */
                parent?: (xdr.v1.ProcessRef.$Properties|null);

                /** Process userIdSet */
                userIdSet?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Process. */
            type $Shape = xdr.v1.Process.$Properties;
        }

        /**
         * Properties of a ProcessRef.
         * @deprecated Use xdr.v1.ProcessRef.$Properties instead.
         */
        interface IProcessRef extends xdr.v1.ProcessRef.$Properties {
        }

        /** Represents a ProcessRef. */
        class ProcessRef {

            /**
             * Constructs a new ProcessRef.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.ProcessRef.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ProcessRef entityId. */
            entityId: string;

            /** ProcessRef pid. */
            pid: number;

            /** ProcessRef name. */
            name: string;

            /** ProcessRef executable. */
            executable: string;

            /** ProcessRef commandLine. */
            commandLine: string;

            /**
             * Creates a new ProcessRef instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ProcessRef instance
             */
            static create(properties: xdr.v1.ProcessRef.$Shape): xdr.v1.ProcessRef & xdr.v1.ProcessRef.$Shape;
            static create(properties?: xdr.v1.ProcessRef.$Properties): xdr.v1.ProcessRef;

            /**
             * Encodes the specified ProcessRef message. Does not implicitly {@link xdr.v1.ProcessRef.verify|verify} messages.
             * @param message ProcessRef message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.ProcessRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ProcessRef message, length delimited. Does not implicitly {@link xdr.v1.ProcessRef.verify|verify} messages.
             * @param message ProcessRef message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.ProcessRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ProcessRef message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.ProcessRef & xdr.v1.ProcessRef.$Shape} ProcessRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.ProcessRef & xdr.v1.ProcessRef.$Shape;

            /**
             * Decodes a ProcessRef message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.ProcessRef & xdr.v1.ProcessRef.$Shape} ProcessRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.ProcessRef & xdr.v1.ProcessRef.$Shape;

            /**
             * Creates a ProcessRef message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ProcessRef
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.ProcessRef;

            /**
             * Creates a plain object from a ProcessRef message. Also converts values to other types if specified.
             * @param message ProcessRef
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.ProcessRef, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ProcessRef to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ProcessRef {

            /** Properties of a ProcessRef. */
            interface $Properties {

                /** ProcessRef entityId */
                entityId?: (string|null);

                /** ProcessRef pid */
                pid?: (number|null);

                /** ProcessRef name */
                name?: (string|null);

                /** ProcessRef executable */
                executable?: (string|null);

                /** ProcessRef commandLine */
                commandLine?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ProcessRef. */
            type $Shape = xdr.v1.ProcessRef.$Properties;
        }

        /**
         * Properties of a ProcessEvent.
         * @deprecated Use xdr.v1.ProcessEvent.$Properties instead.
         */
        interface IProcessEvent extends xdr.v1.ProcessEvent.$Properties {
        }

        /** Represents a ProcessEvent. */
        class ProcessEvent {

            /**
             * Constructs a new ProcessEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.ProcessEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ProcessEvent action. */
            action: xdr.v1.ProcessEvent.Action;

            /** ProcessEvent process. */
            process?: (xdr.v1.Process.$Properties|null);

            /** ProcessEvent exitCode. */
            exitCode: number;

            /** ProcessEvent exitCodeSet. */
            exitCodeSet: boolean;

            /**
             * Creates a new ProcessEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ProcessEvent instance
             */
            static create(properties: xdr.v1.ProcessEvent.$Shape): xdr.v1.ProcessEvent & xdr.v1.ProcessEvent.$Shape;
            static create(properties?: xdr.v1.ProcessEvent.$Properties): xdr.v1.ProcessEvent;

            /**
             * Encodes the specified ProcessEvent message. Does not implicitly {@link xdr.v1.ProcessEvent.verify|verify} messages.
             * @param message ProcessEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.ProcessEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ProcessEvent message, length delimited. Does not implicitly {@link xdr.v1.ProcessEvent.verify|verify} messages.
             * @param message ProcessEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.ProcessEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ProcessEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.ProcessEvent & xdr.v1.ProcessEvent.$Shape} ProcessEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.ProcessEvent & xdr.v1.ProcessEvent.$Shape;

            /**
             * Decodes a ProcessEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.ProcessEvent & xdr.v1.ProcessEvent.$Shape} ProcessEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.ProcessEvent & xdr.v1.ProcessEvent.$Shape;

            /**
             * Creates a ProcessEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ProcessEvent
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.ProcessEvent;

            /**
             * Creates a plain object from a ProcessEvent message. Also converts values to other types if specified.
             * @param message ProcessEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.ProcessEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ProcessEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ProcessEvent {

            /** Properties of a ProcessEvent. */
            interface $Properties {

                /** ProcessEvent action */
                action?: (xdr.v1.ProcessEvent.Action|null);

                /** ProcessEvent process */
                process?: (xdr.v1.Process.$Properties|null);

                /** ProcessEvent exitCode */
                exitCode?: (number|null);

                /** ProcessEvent exitCodeSet */
                exitCodeSet?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ProcessEvent. */
            type $Shape = xdr.v1.ProcessEvent.$Properties;

            /** Action enum. */
            enum Action {

                /** ACTION_UNSPECIFIED value */
                ACTION_UNSPECIFIED = 0,

                /** START value */
                START = 1,

                /** EXIT value */
                EXIT = 2
            }
        }

        /**
         * Properties of a FileEvent.
         * @deprecated Use xdr.v1.FileEvent.$Properties instead.
         */
        interface IFileEvent extends xdr.v1.FileEvent.$Properties {
        }

        /** Represents a FileEvent. */
        class FileEvent {

            /**
             * Constructs a new FileEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.FileEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileEvent action. */
            action: xdr.v1.FileEvent.Action;

            /** FileEvent path. */
            path: string;

            /** FileEvent oldPath. */
            oldPath: string;

            /** FileEvent size. */
            size: (number|Long);

            /** FileEvent mode. */
            mode: number;

            /** FileEvent owner. */
            owner: string;

            /** FileEvent hashSha256. */
            hashSha256: string;

            /** FileEvent process. */
            process?: (xdr.v1.ProcessRef.$Properties|null);

            /** FileEvent modeSet. */
            modeSet: boolean;

            /**
             * Creates a new FileEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileEvent instance
             */
            static create(properties: xdr.v1.FileEvent.$Shape): xdr.v1.FileEvent & xdr.v1.FileEvent.$Shape;
            static create(properties?: xdr.v1.FileEvent.$Properties): xdr.v1.FileEvent;

            /**
             * Encodes the specified FileEvent message. Does not implicitly {@link xdr.v1.FileEvent.verify|verify} messages.
             * @param message FileEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.FileEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified FileEvent message, length delimited. Does not implicitly {@link xdr.v1.FileEvent.verify|verify} messages.
             * @param message FileEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.FileEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.FileEvent & xdr.v1.FileEvent.$Shape} FileEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.FileEvent & xdr.v1.FileEvent.$Shape;

            /**
             * Decodes a FileEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.FileEvent & xdr.v1.FileEvent.$Shape} FileEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.FileEvent & xdr.v1.FileEvent.$Shape;

            /**
             * Creates a FileEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns FileEvent
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.FileEvent;

            /**
             * Creates a plain object from a FileEvent message. Also converts values to other types if specified.
             * @param message FileEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.FileEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this FileEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace FileEvent {

            /** Properties of a FileEvent. */
            interface $Properties {

                /** FileEvent action */
                action?: (xdr.v1.FileEvent.Action|null);

                /** FileEvent path */
                path?: (string|null);

                /** FileEvent oldPath */
                oldPath?: (string|null);

                /** FileEvent size */
                size?: (number|Long|null);

                /** FileEvent mode */
                mode?: (number|null);

                /** FileEvent owner */
                owner?: (string|null);

                /** FileEvent hashSha256 */
                hashSha256?: (string|null);

                /** FileEvent process */
                process?: (xdr.v1.ProcessRef.$Properties|null);

                /** FileEvent modeSet */
                modeSet?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileEvent. */
            type $Shape = xdr.v1.FileEvent.$Properties;

            /** Action enum. */
            enum Action {

                /** ACTION_UNSPECIFIED value */
                ACTION_UNSPECIFIED = 0,

                /** CREATE value */
                CREATE = 1,

                /** MODIFY value */
                MODIFY = 2,

                /** DELETE value */
                DELETE = 3,

                /** RENAME value */
                RENAME = 4,

                /** CHMOD value */
                CHMOD = 5
            }
        }

        /**
         * Properties of a NetworkEvent.
         * @deprecated Use xdr.v1.NetworkEvent.$Properties instead.
         */
        interface INetworkEvent extends xdr.v1.NetworkEvent.$Properties {
        }

        /** Represents a NetworkEvent. */
        class NetworkEvent {

            /**
             * Constructs a new NetworkEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.NetworkEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NetworkEvent action. */
            action: xdr.v1.NetworkEvent.Action;

            /** NetworkEvent transport. */
            transport: string;

            /** NetworkEvent direction. */
            direction: xdr.v1.NetworkEvent.Direction;

            /** NetworkEvent sourceIp. */
            sourceIp: string;

            /** NetworkEvent sourcePort. */
            sourcePort: number;

            /** NetworkEvent destinationIp. */
            destinationIp: string;

            /** NetworkEvent destinationPort. */
            destinationPort: number;

            /** NetworkEvent destinationDomain. */
            destinationDomain: string;

            /** NetworkEvent process. */
            process?: (xdr.v1.ProcessRef.$Properties|null);

            /**
             * Creates a new NetworkEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns NetworkEvent instance
             */
            static create(properties: xdr.v1.NetworkEvent.$Shape): xdr.v1.NetworkEvent & xdr.v1.NetworkEvent.$Shape;
            static create(properties?: xdr.v1.NetworkEvent.$Properties): xdr.v1.NetworkEvent;

            /**
             * Encodes the specified NetworkEvent message. Does not implicitly {@link xdr.v1.NetworkEvent.verify|verify} messages.
             * @param message NetworkEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.NetworkEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified NetworkEvent message, length delimited. Does not implicitly {@link xdr.v1.NetworkEvent.verify|verify} messages.
             * @param message NetworkEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.NetworkEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetworkEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.NetworkEvent & xdr.v1.NetworkEvent.$Shape} NetworkEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.NetworkEvent & xdr.v1.NetworkEvent.$Shape;

            /**
             * Decodes a NetworkEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.NetworkEvent & xdr.v1.NetworkEvent.$Shape} NetworkEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.NetworkEvent & xdr.v1.NetworkEvent.$Shape;

            /**
             * Creates a NetworkEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns NetworkEvent
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.NetworkEvent;

            /**
             * Creates a plain object from a NetworkEvent message. Also converts values to other types if specified.
             * @param message NetworkEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.NetworkEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this NetworkEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace NetworkEvent {

            /** Properties of a NetworkEvent. */
            interface $Properties {

                /** NetworkEvent action */
                action?: (xdr.v1.NetworkEvent.Action|null);

                /** NetworkEvent transport */
                transport?: (string|null);

                /** NetworkEvent direction */
                direction?: (xdr.v1.NetworkEvent.Direction|null);

                /** NetworkEvent sourceIp */
                sourceIp?: (string|null);

                /** NetworkEvent sourcePort */
                sourcePort?: (number|null);

                /** NetworkEvent destinationIp */
                destinationIp?: (string|null);

                /** NetworkEvent destinationPort */
                destinationPort?: (number|null);

                /** NetworkEvent destinationDomain */
                destinationDomain?: (string|null);

                /** NetworkEvent process */
                process?: (xdr.v1.ProcessRef.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NetworkEvent. */
            type $Shape = xdr.v1.NetworkEvent.$Properties;

            /** Action enum. */
            enum Action {

                /** ACTION_UNSPECIFIED value */
                ACTION_UNSPECIFIED = 0,

                /** CONNECT value */
                CONNECT = 1,

                /** ACCEPT value */
                ACCEPT = 2,

                /** LISTEN value */
                LISTEN = 3,

                /** CLOSE value */
                CLOSE = 4
            }

            /** Direction enum. */
            enum Direction {

                /** DIRECTION_UNSPECIFIED value */
                DIRECTION_UNSPECIFIED = 0,

                /** OUTBOUND value */
                OUTBOUND = 1,

                /** INBOUND value */
                INBOUND = 2
            }
        }

        /**
         * Properties of a LoginEvent.
         * @deprecated Use xdr.v1.LoginEvent.$Properties instead.
         */
        interface ILoginEvent extends xdr.v1.LoginEvent.$Properties {
        }

        /** Represents a LoginEvent. */
        class LoginEvent {

            /**
             * Constructs a new LoginEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.LoginEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LoginEvent outcome. */
            outcome: xdr.v1.LoginEvent.Outcome;

            /** LoginEvent userName. */
            userName: string;

            /** LoginEvent sourceIp. */
            sourceIp: string;

            /** LoginEvent sourcePort. */
            sourcePort: number;

            /** LoginEvent method. */
            method: string;

            /** LoginEvent service. */
            service: string;

            /** LoginEvent process. */
            process?: (xdr.v1.ProcessRef.$Properties|null);

            /**
             * Creates a new LoginEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LoginEvent instance
             */
            static create(properties: xdr.v1.LoginEvent.$Shape): xdr.v1.LoginEvent & xdr.v1.LoginEvent.$Shape;
            static create(properties?: xdr.v1.LoginEvent.$Properties): xdr.v1.LoginEvent;

            /**
             * Encodes the specified LoginEvent message. Does not implicitly {@link xdr.v1.LoginEvent.verify|verify} messages.
             * @param message LoginEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.LoginEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified LoginEvent message, length delimited. Does not implicitly {@link xdr.v1.LoginEvent.verify|verify} messages.
             * @param message LoginEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.LoginEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LoginEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.LoginEvent & xdr.v1.LoginEvent.$Shape} LoginEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.LoginEvent & xdr.v1.LoginEvent.$Shape;

            /**
             * Decodes a LoginEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.LoginEvent & xdr.v1.LoginEvent.$Shape} LoginEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.LoginEvent & xdr.v1.LoginEvent.$Shape;

            /**
             * Creates a LoginEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LoginEvent
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.LoginEvent;

            /**
             * Creates a plain object from a LoginEvent message. Also converts values to other types if specified.
             * @param message LoginEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.LoginEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LoginEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LoginEvent {

            /** Properties of a LoginEvent. */
            interface $Properties {

                /** LoginEvent outcome */
                outcome?: (xdr.v1.LoginEvent.Outcome|null);

                /** LoginEvent userName */
                userName?: (string|null);

                /** LoginEvent sourceIp */
                sourceIp?: (string|null);

                /** LoginEvent sourcePort */
                sourcePort?: (number|null);

                /** LoginEvent method */
                method?: (string|null);

                /** LoginEvent service */
                service?: (string|null);

                /** LoginEvent process */
                process?: (xdr.v1.ProcessRef.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LoginEvent. */
            type $Shape = xdr.v1.LoginEvent.$Properties;

            /** Outcome enum. */
            enum Outcome {

                /** OUTCOME_UNSPECIFIED value */
                OUTCOME_UNSPECIFIED = 0,

                /** SUCCESS value */
                SUCCESS = 1,

                /** FAILURE value */
                FAILURE = 2
            }
        }

        /**
         * Properties of an AgentNotice.
         * @deprecated Use xdr.v1.AgentNotice.$Properties instead.
         */
        interface IAgentNotice extends xdr.v1.AgentNotice.$Properties {
        }

        /** Represents an AgentNotice. */
        class AgentNotice {

            /**
             * Constructs a new AgentNotice.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.AgentNotice.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AgentNotice code. */
            code: string;

            /** AgentNotice message. */
            message: string;

            /** AgentNotice count. */
            count: (number|Long);

            /** AgentNotice sensor. */
            sensor: string;

            /**
             * Creates a new AgentNotice instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AgentNotice instance
             */
            static create(properties: xdr.v1.AgentNotice.$Shape): xdr.v1.AgentNotice & xdr.v1.AgentNotice.$Shape;
            static create(properties?: xdr.v1.AgentNotice.$Properties): xdr.v1.AgentNotice;

            /**
             * Encodes the specified AgentNotice message. Does not implicitly {@link xdr.v1.AgentNotice.verify|verify} messages.
             * @param message AgentNotice message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.AgentNotice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AgentNotice message, length delimited. Does not implicitly {@link xdr.v1.AgentNotice.verify|verify} messages.
             * @param message AgentNotice message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.AgentNotice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AgentNotice message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.AgentNotice & xdr.v1.AgentNotice.$Shape} AgentNotice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.AgentNotice & xdr.v1.AgentNotice.$Shape;

            /**
             * Decodes an AgentNotice message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.AgentNotice & xdr.v1.AgentNotice.$Shape} AgentNotice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.AgentNotice & xdr.v1.AgentNotice.$Shape;

            /**
             * Creates an AgentNotice message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AgentNotice
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.AgentNotice;

            /**
             * Creates a plain object from an AgentNotice message. Also converts values to other types if specified.
             * @param message AgentNotice
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.AgentNotice, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AgentNotice to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace AgentNotice {

            /** Properties of an AgentNotice. */
            interface $Properties {

                /** AgentNotice code */
                code?: (string|null);

                /** AgentNotice message */
                message?: (string|null);

                /** AgentNotice count */
                count?: (number|Long|null);

                /** AgentNotice sensor */
                sensor?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AgentNotice. */
            type $Shape = xdr.v1.AgentNotice.$Properties;
        }

        /**
         * Properties of a Command.
         * @deprecated Use xdr.v1.Command.$Properties instead.
         */
        interface ICommand extends xdr.v1.Command.$Properties {
        }

        /** Represents a Command. */
        class Command {

            /**
             * Constructs a new Command.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.Command.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Command actionId. */
            actionId: string;

            /** Command agentId. */
            agentId: string;

            /** Command action. */
            action: string;

            /** Command paramsJson. */
            paramsJson: Uint8Array;

            /** Command nonce. */
            nonce: Uint8Array;

            /** Command expiresAtMs. */
            expiresAtMs: (number|Long);

            /** Command signature. */
            signature: Uint8Array;

            /**
             * Creates a new Command instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Command instance
             */
            static create(properties: xdr.v1.Command.$Shape): xdr.v1.Command & xdr.v1.Command.$Shape;
            static create(properties?: xdr.v1.Command.$Properties): xdr.v1.Command;

            /**
             * Encodes the specified Command message. Does not implicitly {@link xdr.v1.Command.verify|verify} messages.
             * @param message Command message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.Command.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Command message, length delimited. Does not implicitly {@link xdr.v1.Command.verify|verify} messages.
             * @param message Command message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.Command.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Command message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.Command & xdr.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.Command & xdr.v1.Command.$Shape;

            /**
             * Decodes a Command message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.Command & xdr.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.Command & xdr.v1.Command.$Shape;

            /**
             * Creates a Command message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Command
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.Command;

            /**
             * Creates a plain object from a Command message. Also converts values to other types if specified.
             * @param message Command
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.Command, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Command to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Command {

            /** Properties of a Command. */
            interface $Properties {

                /** Command actionId */
                actionId?: (string|null);

                /** Command agentId */
                agentId?: (string|null);

                /** Command action */
                action?: (string|null);

                /** Command paramsJson */
                paramsJson?: (Uint8Array|null);

                /** Command nonce */
                nonce?: (Uint8Array|null);

                /** Command expiresAtMs */
                expiresAtMs?: (number|Long|null);

                /** Command signature */
                signature?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Command. */
            type $Shape = xdr.v1.Command.$Properties;
        }

        /**
         * Properties of a CommandResult.
         * @deprecated Use xdr.v1.CommandResult.$Properties instead.
         */
        interface ICommandResult extends xdr.v1.CommandResult.$Properties {
        }

        /** Represents a CommandResult. */
        class CommandResult {

            /**
             * Constructs a new CommandResult.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.CommandResult.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CommandResult actionId. */
            actionId: string;

            /** CommandResult status. */
            status: xdr.v1.CommandResult.Status;

            /** CommandResult resultJson. */
            resultJson: Uint8Array;

            /** CommandResult error. */
            error: string;

            /** CommandResult chunk. */
            chunk: Uint8Array;

            /** CommandResult chunkOffset. */
            chunkOffset: (number|Long);

            /** CommandResult lastChunk. */
            lastChunk: boolean;

            /**
             * Creates a new CommandResult instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CommandResult instance
             */
            static create(properties: xdr.v1.CommandResult.$Shape): xdr.v1.CommandResult & xdr.v1.CommandResult.$Shape;
            static create(properties?: xdr.v1.CommandResult.$Properties): xdr.v1.CommandResult;

            /**
             * Encodes the specified CommandResult message. Does not implicitly {@link xdr.v1.CommandResult.verify|verify} messages.
             * @param message CommandResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.CommandResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CommandResult message, length delimited. Does not implicitly {@link xdr.v1.CommandResult.verify|verify} messages.
             * @param message CommandResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.CommandResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CommandResult message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.CommandResult & xdr.v1.CommandResult.$Shape} CommandResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.CommandResult & xdr.v1.CommandResult.$Shape;

            /**
             * Decodes a CommandResult message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.CommandResult & xdr.v1.CommandResult.$Shape} CommandResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.CommandResult & xdr.v1.CommandResult.$Shape;

            /**
             * Creates a CommandResult message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CommandResult
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.CommandResult;

            /**
             * Creates a plain object from a CommandResult message. Also converts values to other types if specified.
             * @param message CommandResult
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.CommandResult, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CommandResult to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CommandResult {

            /** Properties of a CommandResult. */
            interface $Properties {

                /** CommandResult actionId */
                actionId?: (string|null);

                /** CommandResult status */
                status?: (xdr.v1.CommandResult.Status|null);

                /** CommandResult resultJson */
                resultJson?: (Uint8Array|null);

                /** CommandResult error */
                error?: (string|null);

                /** CommandResult chunk */
                chunk?: (Uint8Array|null);

                /** CommandResult chunkOffset */
                chunkOffset?: (number|Long|null);

                /** CommandResult lastChunk */
                lastChunk?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CommandResult. */
            type $Shape = xdr.v1.CommandResult.$Properties;

            /** Status enum. */
            enum Status {

                /** STATUS_UNSPECIFIED value */
                STATUS_UNSPECIFIED = 0,

                /** RUNNING value */
                RUNNING = 1,

                /** SUCCEEDED value */
                SUCCEEDED = 2,

                /** FAILED value */
                FAILED = 3,

                /** REFUSED value */
                REFUSED = 4
            }
        }

        /**
         * Properties of a ShellData.
         * @deprecated Use xdr.v1.ShellData.$Properties instead.
         */
        interface IShellData extends xdr.v1.ShellData.$Properties {
        }

        /** Represents a ShellData. */
        class ShellData {

            /**
             * Constructs a new ShellData.
             * @param [properties] Properties to set
             */
            constructor(properties?: xdr.v1.ShellData.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ShellData actionId. */
            actionId: string;

            /** ShellData data. */
            data: Uint8Array;

            /** ShellData cols. */
            cols: number;

            /** ShellData rows. */
            rows: number;

            /** ShellData closed. */
            closed: boolean;

            /**
             * Creates a new ShellData instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ShellData instance
             */
            static create(properties: xdr.v1.ShellData.$Shape): xdr.v1.ShellData & xdr.v1.ShellData.$Shape;
            static create(properties?: xdr.v1.ShellData.$Properties): xdr.v1.ShellData;

            /**
             * Encodes the specified ShellData message. Does not implicitly {@link xdr.v1.ShellData.verify|verify} messages.
             * @param message ShellData message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: xdr.v1.ShellData.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ShellData message, length delimited. Does not implicitly {@link xdr.v1.ShellData.verify|verify} messages.
             * @param message ShellData message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: xdr.v1.ShellData.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ShellData message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {xdr.v1.ShellData & xdr.v1.ShellData.$Shape} ShellData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): xdr.v1.ShellData & xdr.v1.ShellData.$Shape;

            /**
             * Decodes a ShellData message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {xdr.v1.ShellData & xdr.v1.ShellData.$Shape} ShellData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): xdr.v1.ShellData & xdr.v1.ShellData.$Shape;

            /**
             * Creates a ShellData message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ShellData
             */
            static fromObject(object: { [k: string]: any }): xdr.v1.ShellData;

            /**
             * Creates a plain object from a ShellData message. Also converts values to other types if specified.
             * @param message ShellData
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: xdr.v1.ShellData, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ShellData to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ShellData {

            /** Properties of a ShellData. */
            interface $Properties {

                /** ShellData actionId */
                actionId?: (string|null);

                /** ShellData data */
                data?: (Uint8Array|null);

                /** ShellData cols */
                cols?: (number|null);

                /** ShellData rows */
                rows?: (number|null);

                /** ShellData closed */
                closed?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ShellData. */
            type $Shape = xdr.v1.ShellData.$Properties;
        }
    }
}
