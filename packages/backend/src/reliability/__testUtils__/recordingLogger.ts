import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';

type Meta = Parameters<LoggerService['info']>[1];
type Fields = Record<string, unknown>;

function serialized(meta: Meta): Fields | undefined {
  if (meta instanceof Error) {
    return { name: meta.name, message: meta.message, stack: meta.stack ?? '' };
  }
  return meta;
}

/**
 * A root logger that keeps every line it is given, as a log shipper would receive it, so that
 * tests can search what the backend logged. Lines are JSON, with the fields of every child.
 */
export function createRecordingLogger() {
  const lines: string[] = [];
  const logger = (fields: Fields): LoggerService => {
    const write = (level: string) => (message: string, meta?: Meta) => {
      lines.push(
        JSON.stringify({ level, message, ...fields, ...serialized(meta) }),
      );
    };
    return {
      error: write('error'),
      warn: write('warn'),
      info: write('info'),
      debug: write('debug'),
      child: meta => logger({ ...fields, ...meta }),
    };
  };
  return {
    lines,
    factory: createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => logger({}),
    }),
  };
}
