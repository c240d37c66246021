import '@testing-library/jest-dom';

// The tests that open dialogs and type into them with userEvent take 3 to 4 s
// each; while the other packages' tests run beside them on two cores, that
// doubles, past Jest's 5 s default.
jest.setTimeout(20_000);
