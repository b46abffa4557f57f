// A real IndexedDB implementation for node, loaded before localforage is first imported.
import "fake-indexeddb/auto";
