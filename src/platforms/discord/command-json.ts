// Discord application-command JSON built from a command's one declaration: options typed from its zod schema.
import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { AnyCommand } from '../../../commands/define-command.js';

/** The JSON Schema subset zod emits for the option types Discord can express. */
interface JsonSchemaProperty {
  type?: string | string[];
  description?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
}

interface JsonSchemaObject {
  properties?: Record<string, JsonSchemaProperty>;
  required?: string[];
}

/** Discord caps every description at 100 characters and needs at least 1. */
function description(text: string | undefined, fallback: string): string {
  const t = (text ?? '').trim() || fallback;
  return t.length <= 100 ? t : `${t.slice(0, 99)}…`;
}

const STRING_MAX = 6000;

function optionJson(
  name: string,
  prop: JsonSchemaProperty,
  required: boolean,
  autocomplete: boolean,
): APIApplicationCommandBasicOption {
  const base = { name, description: description(prop.description, name), required };
  const type = Array.isArray(prop.type) ? prop.type.find((t) => t !== 'null') : prop.type;
  const values = prop.enum ?? (prop.const !== undefined ? [prop.const] : undefined);
  if (type === 'boolean') return { ...base, type: ApplicationCommandOptionType.Boolean };
  if (type === 'integer' || type === 'number') {
    const integer = type === 'integer';
    const step = integer ? 1 : 0;
    const min = prop.minimum ?? (prop.exclusiveMinimum !== undefined ? prop.exclusiveMinimum + step : undefined);
    const max = prop.maximum ?? (prop.exclusiveMaximum !== undefined ? prop.exclusiveMaximum - step : undefined);
    const choices =
      values && values.length <= 25 && !autocomplete
        ? values.filter((v): v is number => typeof v === 'number').map((v) => ({ name: String(v), value: v }))
        : undefined;
    const numeric = {
      ...base,
      ...(min !== undefined ? { min_value: min } : {}),
      ...(max !== undefined ? { max_value: max } : {}),
    };
    const extra = choices?.length ? { choices } : autocomplete ? { autocomplete: true as const } : {};
    return integer
      ? { ...numeric, type: ApplicationCommandOptionType.Integer, ...extra }
      : { ...numeric, type: ApplicationCommandOptionType.Number, ...extra };
  }
  // Strings, and anything Discord cannot type: the dispatcher's zod check has the last word.
  const choices =
    values && values.length <= 25 && !autocomplete
      ? values
          .filter((v): v is string => typeof v === 'string')
          .map((v) => ({ name: v.slice(0, 100), value: v.slice(0, 100) }))
      : undefined;
  return {
    ...base,
    type: ApplicationCommandOptionType.String,
    ...(prop.minLength !== undefined && prop.minLength > 0 ? { min_length: Math.min(prop.minLength, STRING_MAX) } : {}),
    ...(prop.maxLength !== undefined ? { max_length: Math.min(Math.max(prop.maxLength, 1), STRING_MAX) } : {}),
    ...(choices?.length ? { choices } : autocomplete ? { autocomplete: true } : {}),
  };
}

/**
 * One command as Discord's chat-input command JSON. Commands that change a channel's settings
 * (any `requiresManageChannel`, even one that only some actions need, such as /digest and
 * /sources) get `default_member_permissions` Manage Channels, so server admins see them as
 * channel-manager commands; the dispatcher still checks the rights of each run.
 */
export function commandJson(command: AnyCommand): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const schema = z.toJSONSchema(command.options, { io: 'input', unrepresentable: 'any' }) as JsonSchemaObject;
  const required = new Set(schema.required ?? []);
  const options = Object.entries(schema.properties ?? {}).map(([name, prop]) =>
    optionJson(name, prop, required.has(name), command.autocomplete?.[name] !== undefined),
  );
  // Discord requires required options before optional ones.
  options.sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false));
  const json: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: description(command.description, command.name),
    options,
  };
  if (command.requiresManageChannel !== undefined && command.requiresManageChannel !== false) {
    json.default_member_permissions = PermissionFlagsBits.ManageChannels.toString();
  }
  return json;
}

/** Every command's JSON, in the list's order. */
export function commandsJson(commands: readonly AnyCommand[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map(commandJson);
}
