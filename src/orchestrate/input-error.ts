/** Bad experiment input found while running (unknown metric, mismatched work folder): exit 2. */
export class ExperimentInputError extends Error {
  constructor(readonly flag: string, message: string) {
    super(message);
    this.name = 'ExperimentInputError';
  }
}
