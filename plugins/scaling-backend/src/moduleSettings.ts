import { ExtensionPointFactoryContext } from '@backstage/backend-plugin-api';

type Setting<T> = { value: T; setBy: ExtensionPointFactoryContext };

/**
 * Values that modules set through the plugin's extension points, each of
 * which one module at most may set, e.g. the cost source, or the strategy of
 * one `authProvider`.
 *
 * Backstage builds an extension point once per module that uses it, but does
 * not tell the plugin the module's id. So a second `set` of a value throws,
 * which Backstage reports as the start-up failure of that module, by its id;
 * and once every module has started, `get` reports the failure of the module
 * that set the value first, through its own context. Backstage's start-up
 * error then names both modules.
 */
export class ModuleSettings<T> {
  readonly #describe: (key: string) => string;
  readonly #settings = new Map<string, Setting<T>>();
  #conflicts: Array<{ setBy: ExtensionPointFactoryContext; key: string }> = [];

  /** `describe` names the value of a key, e.g. "The region catalog". */
  constructor(describe: (key: string) => string) {
    this.#describe = describe;
  }

  /**
   * Sets a value for the module whose extension point `setBy` built.
   *
   * @throws Error when a module has already set it
   */
  set(setBy: ExtensionPointFactoryContext, key: string, value: T): void {
    const earlier = this.#settings.get(key);
    if (earlier) {
      if (earlier.setBy !== setBy) {
        this.#conflicts.push({ setBy: earlier.setBy, key });
      }
      throw new Error(
        `${this.#describe(
          key,
        )} was already set by another module; only one module may set it`,
      );
    }
    this.#settings.set(key, { value, setBy });
  }

  /**
   * The values set, by key. Called once every module has started, i.e. from
   * the plugin's `init`; it reports the modules whose values others tried to
   * set again.
   */
  get(): Map<string, T> {
    for (const { setBy, key } of this.#conflicts) {
      setBy.reportModuleStartupFailure({
        error: new Error(
          `${this.#describe(
            key,
          )} that this module set was set again by another module; only one module may set it`,
        ),
      });
    }
    this.#conflicts = [];
    return new Map(
      [...this.#settings].map(([key, setting]) => [key, setting.value]),
    );
  }
}
