import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Connection } from '../connection/client';
import type { ViewStore, ViewStoreState } from './view-store';

export interface ViewContextValue {
  store: ViewStore;
  connection: Connection;
}

export const ViewContext = createContext<ViewContextValue | null>(null);

function useViewContext(): ViewContextValue {
  const ctx = useContext(ViewContext);
  if (!ctx) throw new Error('a view component was rendered outside its ViewContext');
  return ctx;
}

export const useConnection = (): Connection => useViewContext().connection;

export function useView<T>(selector: (s: ViewStoreState) => T): T {
  return useStore(useViewContext().store, selector);
}
