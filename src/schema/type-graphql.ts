/**
 * type-graphql, with its `reflect-metadata` prerequisite loaded first. Every decorated module
 * imports from here, so no import order (tests load single modules) can run a decorator before
 * the polyfill exists.
 */
import 'reflect-metadata';

export * from 'type-graphql';
