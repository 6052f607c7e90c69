/** Input types: the list filters and the inputs of the mutations, one file per family. */
export * from './filters';
export * from './circuits';
